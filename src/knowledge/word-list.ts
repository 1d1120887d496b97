/**
 * A large sorted word list kept as the one string it was read as ("aardvark abacus …"), searched
 * by bisection over word offsets. WordNet's 76,000 English words would cost ~5 MB of heap as a
 * Set of strings and ~10 ms to build; this costs the string itself plus 300 kB of offsets, built
 * on first use so a start that never meets an unknown word never pays for it.
 */
export class WordList {
  private starts: Uint32Array | null = null;

  /** `source`: words sorted by UTF-16 code unit order, separated by single spaces. */
  constructor(private readonly source: string) {}

  has(word: string): boolean {
    const starts = (this.starts ??= offsets(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const from = starts[mid] as number;
      const to = mid + 1 < starts.length ? (starts[mid + 1] as number) - 1 : this.source.length;
      const cmp = compareAt(this.source, from, to, word);
      if (cmp === 0) return true;
      if (cmp < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

// indexOf rather than a charCodeAt loop: this runs once, cold, over 736,000 characters, where a
// loop still in the interpreter cost ~20 ms and the native search costs ~1 ms.
function offsets(source: string): Uint32Array {
  if (source === '') return new Uint32Array(0);
  let count = 1;
  for (let i = source.indexOf(' '); i !== -1; i = source.indexOf(' ', i + 1)) count++;
  const out = new Uint32Array(count);
  let k = 1;
  for (let i = source.indexOf(' '); i !== -1; i = source.indexOf(' ', i + 1)) out[k++] = i + 1;
  return out;
}

/** Compares source[from, to) with word, code unit by code unit, without allocating. */
function compareAt(source: string, from: number, to: number, word: string): number {
  const n = Math.min(to - from, word.length);
  for (let i = 0; i < n; i++) {
    const d = source.charCodeAt(from + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return to - from - word.length;
}
