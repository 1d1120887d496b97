/**
 * A large sorted word list kept as the one string it was read as ("aardvark abacus …"), searched
 * by bisection over the string itself. WordNet's 76,000 English words would cost ~5 MB of heap as a
 * Set of strings and ~10 ms to build; this costs the string and nothing else, and nothing at
 * start-up: a table of word offsets, the previous design, took ~4 ms of a cold build to make.
 */
export class WordList {
  /** `source`: words sorted by UTF-16 code unit order, separated by single spaces. */
  constructor(private readonly source: string) {}

  has(word: string): boolean {
    const { source } = this;
    if (word === '' || word.includes(' ')) return false;
    // [lo, hi) always covers whole words: lo is a word's first character, hi a space or the end.
    let lo = 0;
    let hi = source.length;
    while (lo < hi) {
      let mid = (lo + hi) >>> 1;
      // On a separator, take the word before it (mid > lo then, since lo starts a word).
      if (source.charCodeAt(mid) === SPACE) mid--;
      const from = source.lastIndexOf(' ', mid) + 1;
      // The next space never lies past hi: hi is itself a space or the end.
      const space = source.indexOf(' ', mid);
      const to = space === -1 ? source.length : space;
      const cmp = compareAt(source, from, to, word);
      if (cmp === 0) return true;
      if (cmp < 0) lo = to + 1;
      else hi = from - 1;
    }
    return false;
  }
}

const SPACE = 32;

/** Compares source[from, to) with word, code unit by code unit, without allocating. */
function compareAt(source: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const d = source.charCodeAt(from + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}
