import { createHash } from 'node:crypto';

/** Hex digits kept of the SHA-256: 48 bits, plenty to notice an edit, short enough to read in a diff. */
export const STAMP_LENGTH = 12;

/**
 * The fingerprint of the text a fact cites: its sentences, in the order cited, one per line.
 * Any edit to a cited sentence (a number, a word, a merge, a renumbering) changes it.
 */
export function stampOf(texts: readonly string[]): string {
  return createHash('sha256').update(texts.join('\n'), 'utf8').digest('hex').slice(0, STAMP_LENGTH);
}

/**
 * Where a fact's cited text went when sentences were added or removed before it: the shift of
 * every cited number (within ±`reach`, nearest first) whose sentences carry the fact's stamp.
 */
export function findShift(stamp: string, cited: readonly number[], textOf: (n: number) => string | undefined, reach = 5): number | null {
  for (let d = 1; d <= reach; d++) {
    for (const shift of [-d, d]) {
      const texts = cited.map((n) => textOf(n + shift));
      if (texts.every((t): t is string => t !== undefined) && stampOf(texts) === stamp) return shift;
    }
  }
  return null;
}
