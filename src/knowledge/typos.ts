import Fuse from 'fuse.js';

/** Longest candidate a fuzzy match may be tried on; longer tokens are not words people misspell. */
export const MAX_TYPO_WORD = 24;
const MIN_FUZZY_WORD = 5;
const FUZZY_THRESHOLD = 0.3;
const FUZZY_THRESHOLD_SHORT = 0.25;

/**
 * Finds the vocabulary word a misspelt word was meant to be: a dropped final g ("takin"), a missing
 * letter in a short word ("idlb"), two swapped neighbours ("syrain": one slip for a typist, two
 * errors for Bitap), else fuse.js's Bitap over words of the same first letter and about the same
 * length. Whether a word needs correcting at all is the analyzer's call.
 */
export class TypoCorrector {
  private known: ReadonlySet<string> = new Set();
  /** Vocabulary by first letter and length: a typo keeps both, so each lookup scans a handful of words. */
  private bucketWords = new Map<string, string[]>();
  private fuzzyBuckets = new Map<string, Fuse<string>>();

  learn(vocabulary: ReadonlySet<string>): void {
    this.known = vocabulary;
    const buckets = new Map<string, string[]>();
    for (const w of vocabulary) {
      if (w.length < MIN_FUZZY_WORD - 1 || /\d/.test(w)) continue;
      const key = bucketKey(w[0] as string, w.length);
      const list = buckets.get(key) ?? [];
      list.push(w);
      buckets.set(key, list);
    }
    this.bucketWords = buckets;
    this.fuzzyBuckets = new Map();
  }

  /** The vocabulary word `word` most likely misspells, or null. */
  closest(word: string): string | null {
    if (word.endsWith('in') && this.known.has(`${word}g`)) return `${word}g`;
    if (word.length === MIN_FUZZY_WORD - 1) return this.missingLetter(word);
    if (word.length < MIN_FUZZY_WORD) return null;
    const swapped = this.transposition(word);
    if (swapped !== null) return swapped;
    let best: { item: string; score: number } | undefined;
    // Only words of about the same length: a typo changes a letter or two, not the word's size.
    const spread = word.length <= 6 ? 1 : 2;
    for (let len = word.length - spread; len <= word.length + spread; len++) {
      // People rarely mistype a word's first letter; "dept" is not "sept", "leading" not "heading".
      for (const hit of this.bucket(bucketKey(word[0] as string, len))?.search(word, { limit: 1 }) ?? []) {
        const score = hit.score ?? 1;
        if (!best || score < best.score) best = { item: hit.item, score };
      }
    }
    // Bitap counts errors per pattern letter: one slip in a short word weighs more.
    const threshold = word.length <= 7 ? FUZZY_THRESHOLD_SHORT : FUZZY_THRESHOLD;
    return best && best.score <= threshold ? best.item : null;
  }

  private transposition(word: string): string | null {
    for (let i = 1; i < word.length - 1; i++) {
      const candidate = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      if (this.known.has(candidate)) return candidate;
    }
    return null;
  }

  /** A short word missing one letter ("idlb", "asad"): too short for Bitap's error ratio. */
  private missingLetter(word: string): string | null {
    for (const candidate of this.bucketWords.get(bucketKey(word[0] as string, word.length + 1)) ?? []) {
      for (let i = 1; i < candidate.length; i++) {
        if (candidate.slice(0, i) + candidate.slice(i + 1) === word) return candidate;
      }
    }
    return null;
  }

  /** Built on first use: most buckets are never asked, and start-up stays fast. */
  private bucket(key: string): Fuse<string> | undefined {
    let fuse = this.fuzzyBuckets.get(key);
    if (fuse === undefined) {
      const list = this.bucketWords.get(key);
      if (list === undefined) return undefined;
      fuse = new Fuse(list, { includeScore: true, threshold: FUZZY_THRESHOLD, ignoreLocation: true, isCaseSensitive: true });
      this.fuzzyBuckets.set(key, fuse);
    }
    return fuse;
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}
