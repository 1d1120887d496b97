import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { packedOr, packInts, unpackedColumn, unpackInts } from '../../src/knowledge/packed.js';

const ints = fc.array(fc.integer({ min: -0x80000000, max: 0x7fffffff }), { maxLength: 200 });

describe('packInts and unpackInts', () => {
  it('GIVEN any 32-bit whole numbers THEN unpacking their packing gives them back', () => {
    fc.assert(fc.property(ints, (values) => {
        expect(Array.from(unpackInts(packInts(values)) ?? [])).toEqual(values);
      }),
    );
  });

  it.each([
    ['a fraction', [1.5]],
    ['a number beyond 32 bits', [2 ** 31]],
    ['not a number', [Number.NaN]],
  ])('GIVEN %s THEN packing refuses it', (_, values) => {
    expect(() => packInts(values)).toThrow(RangeError);
  });

  it.each([
    ['text that is not base64', 'not base64!'],
    ['base64 with a character Buffer would skip', `${packInts([1, 2])}*`],
    ['bytes that are not whole 32-bit numbers', Buffer.from([1, 2, 3]).toString('base64')],
  ])('GIVEN %s THEN it is not a packing', (_, text) => {
    expect(unpackInts(text)).toBeUndefined();
  });

  it('GIVEN no numbers THEN the packing is empty text, and it unpacks to no numbers', () => {
    expect(packInts([])).toBe('');
    expect(unpackInts('')).toEqual(new Int32Array(0));
  });
});

describe('packedOr', () => {
  const array = z.array(z.number());
  const column = packedOr(array, { scale: 1e4, min: -1 });

  it('GIVEN a plain array THEN it is checked by the array schema as it was', () => {
    expect(column.parse([0.5, -0.25])).toEqual([0.5, -0.25]);
    expect(column.safeParse(['x']).success).toBe(false);
  });

  it('GIVEN numbers kept to four decimals THEN packing them as ten-thousandths reads back the very same doubles', () => {
    const weights = fc.array(fc.integer({ min: -9999, max: 99_999 }).map((k) => Math.round(k) / 1e4), { maxLength: 100 });
    fc.assert(fc.property(weights, (values) => {
        expect(column.parse(packInts(values.map((v) => Math.round(v * 1e4))))).toEqual(values);
      }),
    );
  });

  it('GIVEN a packed number below the minimum THEN the column is rejected', () => {
    expect(column.safeParse(packInts([5, -20_000])).success).toBe(false);
    expect(column.safeParse(packInts([5, -10_000])).success).toBe(true);
  });

  it('GIVEN text that is not a packing THEN the column is rejected with a message saying so', () => {
    const result = column.safeParse('???');
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/base64/);
  });
});

describe('unpackedColumn (a column already checked, when prebuilt.json vouches for its model)', () => {
  const column = packedOr(z.array(z.number()), { scale: 1e4 });

  it('GIVEN any packed column THEN it gives exactly what the schema gives', () => {
    fc.assert(fc.property(ints, (values) => {
        const packed = packInts(values);
        expect(unpackedColumn(packed, 1e4)).toEqual(column.parse(packed));
      }),
    );
  });

  it('GIVEN a plain array THEN it is the array itself, as the schema leaves it', () => {
    const values = [1, 2.5];
    expect(unpackedColumn(values)).toBe(values);
  });

  it('GIVEN text that is not a packing THEN it throws rather than read numbers into a model', () => {
    expect(() => unpackedColumn('???')).toThrow(RangeError);
  });
});
