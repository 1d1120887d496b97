import { describe, expect, it } from 'vitest';
import { canEncodeCustomId, decodeCustomId, encodeCustomId, type CustomId } from '../../src/bot/custom-ids.js';

describe('custom ids', () => {
  it.each<[CustomId, string]>([
    [{ kind: 'qa:ctx', sentences: [4, 9] }, 'v1:qa:ctx:4.9'],
    [{ kind: 'qa:rel', factId: 'zones-duration' }, 'v1:qa:rel:zones-duration'],
    [{ kind: 'qa:fact', factId: 'guarantors' }, 'v1:qa:fact:guarantors'],
    [{ kind: 'qa:pick' }, 'v1:qa:pick'],
    [{ kind: 'src:page', page: 2 }, 'v1:src:page:2'],
    [{ kind: 'src:page', page: 3, document: 'harbour-2021' }, 'v1:src:page:harbour-2021:3'],
    [{ kind: 'qa:ctx', sentences: [2, 1], document: 'harbour-2021' }, 'v1:qa:ctx:harbour-2021:2.1'],
    [{ kind: 'topics:pick' }, 'v1:topics:pick'],
    [{ kind: 'fb:up', factId: 'guarantors' }, 'v1:fb:up:guarantors'],
    [{ kind: 'fb:down', factId: 'zones-duration' }, 'v1:fb:down:zones-duration'],
  ])('GIVEN %j THEN encodes compactly and decodes back', (id, encoded) => {
    expect(encodeCustomId(id)).toBe(encoded);
    const decoded = decodeCustomId(encoded);
    expect(decoded).toMatchObject({ ok: true, id });
  });

  it('GIVEN a fact id containing colons THEN it round-trips whole', () => {
    const id: CustomId = { kind: 'qa:fact', factId: 'a:b:c' };
    expect(decodeCustomId(encodeCustomId(id))).toMatchObject({ ok: true, id });
  });

  it('GIVEN an id that would exceed 100 characters THEN it cannot be encoded', () => {
    const long: CustomId = { kind: 'qa:fact', factId: 'x'.repeat(120) };
    expect(canEncodeCustomId(long)).toBe(false);
    expect(() => encodeCustomId(long)).toThrow(RangeError);
    expect(canEncodeCustomId({ kind: 'qa:fact', factId: 'has space' })).toBe(false);
    expect(canEncodeCustomId({ kind: 'qa:ctx', sentences: [] })).toBe(false);
    expect(canEncodeCustomId({ kind: 'qa:ctx', sentences: [1, 2, 3, 4, 5, 6] })).toBe(false);
    expect(canEncodeCustomId({ kind: 'src:page', page: 0 })).toBe(false);
    expect(canEncodeCustomId({ kind: 'src:page', page: 1, document: 'has:colon' })).toBe(false);
    expect(canEncodeCustomId({ kind: 'qa:ctx', sentences: [1], document: 'x'.repeat(41) })).toBe(false);
    // The longest document id still fits with five 6-digit sentence numbers.
    expect(canEncodeCustomId({ kind: 'qa:ctx', sentences: [1, 2, 3, 4, 5].map((n) => 99_990 + n), document: 'x'.repeat(40) })).toBe(true);
  });

  it.each([
    '',
    'garbage',
    'qa:ctx:4',
    'v1',
    'v1:qa',
    'v1:qa:ctx',
    'v1:qa:ctx:',
    'v1:qa:ctx:0',
    'v1:qa:ctx:4..9',
    'v1:qa:ctx:-1',
    'v1:qa:ctx:1.2.3.4.5.6',
    'v1:qa:rel',
    'v1:qa:fact:',
    'v1:qa:fact:has space',
    'v1:qa:pick:extra',
    'v1:src:page:abc',
    'v1:src:page:0',
    'v1:src:page:1e3',
    'v1:src:page:a b:2',
    'v1:qa:ctx:doc:',
    'v1:qa:ctx::2',
    'v1:topics:pick:x',
    'v1:fb:up',
    'v1:fb:down:',
    'v1:fb:sideways:guarantors',
    'v1:nope:what',
    'v1:__proto__:constructor',
    `v1:qa:fact:${'x'.repeat(200)}`,
  ])('GIVEN the malformed custom_id %j THEN decodes to a malformed result without throwing', (raw) => {
    expect(decodeCustomId(raw)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('GIVEN a custom_id from another scheme version THEN it is reported as outdated', () => {
    expect(decodeCustomId('v0:qa:ctx:4')).toEqual({ ok: false, reason: 'outdated' });
    expect(decodeCustomId('v2:anything')).toEqual({ ok: false, reason: 'outdated' });
  });

  it('GIVEN a non-string THEN decodes to malformed', () => {
    expect(decodeCustomId(undefined)).toEqual({ ok: false, reason: 'malformed' });
    expect(decodeCustomId(42)).toEqual({ ok: false, reason: 'malformed' });
  });
});
