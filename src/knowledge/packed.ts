import { endianness } from 'node:os';
import { z } from 'zod';

/**
 * A fitted model's long columns of whole numbers, packed as base64 of little-endian 32-bit
 * integers: one JSON string instead of an array of tens of thousands of numbers. The question
 * classifier's columns are tens of thousands of numbers each; parsing them as JSON arrays and checking them
 * element by element was most of what the classifier added to a cold start.
 */

/** Typed arrays use the platform's byte order; packings are little-endian. */
const LITTLE_ENDIAN = endianness() === 'LE';

/** Packs whole numbers in the 32-bit range. */
export function packInts(values: readonly number[]): string {
  const buffer = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => {
    if (!Number.isInteger(v) || v < -0x80000000 || v > 0x7fffffff) throw new RangeError(`cannot pack ${v}: not a 32-bit whole number`);
    buffer.writeInt32LE(v, i * 4);
  });
  return buffer.toString('base64');
}

/** The numbers `packInts` packed, or undefined when the text is not such a packing. */
export function unpackInts(text: string): Int32Array | undefined {
  const buffer = Buffer.from(text, 'base64');
  // Buffer.from skips what is not base64; the text is a packing only if it comes back unchanged.
  // (A regular expression said the same at ~10 ms a column, a third of a cold start.)
  if (buffer.length % 4 !== 0 || buffer.toString('base64') !== text) return undefined;
  const values = new Int32Array(buffer.length / 4);
  if (LITTLE_ENDIAN) new Uint8Array(values.buffer).set(buffer);
  else for (let i = 0; i < values.length; i++) values[i] = buffer.readInt32LE(i * 4);
  return values;
}

/**
 * A column given either as a JSON array (readable; what tests write), checked by `array`, or packed
 * by `packInts`, each packed integer divided by `scale` (the classifier's weights are kept to 1e-4,
 * so packed as whole ten-thousandths: k / 1e4 is the same double the array held). A packed column
 * holds whole, finite numbers by construction, so only `min` is left to check, in the loop that
 * unpacks it: a second pass over tens of thousands of numbers was a tenth of a cold start.
 */
export function packedOr(array: z.ZodType<number[]>, { scale = 1, min = -Infinity }: { scale?: number; min?: number } = {}) {
  const packed = z.string().transform((text, ctx) => {
    const ints = unpackInts(text);
    const values = ints === undefined ? undefined : toNumbers(ints, scale, min);
    if (values !== undefined) return values;
    ctx.addIssue({ code: 'custom', message: ints === undefined ? 'expected base64 of little-endian 32-bit integers' : `expected numbers ≥ ${min}` });
    return z.NEVER;
  });
  return z.union([array, packed]);
}

/**
 * A column `packedOr` accepted, as the numbers its schema gave: for a model that passed the schema
 * when prebuilt.json recorded its digest, so it is unpacked and not checked again.
 */
export function unpackedColumn(column: string | number[], scale = 1): number[] {
  if (typeof column !== 'string') return column;
  const ints = unpackInts(column);
  // Unreachable for a model whose digest was recorded: its schema unpacked this very text.
  if (ints === undefined) throw new RangeError('expected base64 of little-endian 32-bit integers');
  return toNumbers(ints, scale, -Infinity) as number[];
}

/** A plain loop (Array.from with a mapping function took three times as long on a cold start); undefined below `min`. */
function toNumbers(ints: Int32Array, scale: number, min: number): number[] | undefined {
  const values = new Array<number>(ints.length);
  for (let i = 0; i < ints.length; i++) {
    const value = (ints[i] as number) / scale;
    if (value < min) return undefined;
    values[i] = value;
  }
  return values;
}
