import { doubleMetaphone } from 'double-metaphone';

/** Shortest misspelling worth a phonetic match: below it, sound codes collide too often. */
const MIN_WORD = 4;

/**
 * Names spelt as they sound ("sirya", "gutierez", "nazerbaev", "idleb"): a misspelling that
 * changes letters, not sound, which edit distance misses when two letters move apart. Double
 * Metaphone's primary code of the misspelling must match exactly one of the fact base's own names,
 * with the same first letter, about the same length and most of the same letters. Only names are
 * targets: a common word that sounds like another is usually just another word.
 */
export class PhoneticNames {
  /**
   * Sound code → the one name with it, or null when two names share it (then neither is guessed).
   * Coded on first use: most questions never need a name guessed by sound, and a cold start
   * should not pay for it.
   */
  private codes: Map<string, string | null> | null = null;
  private names: ReadonlySet<string> = new Set();
  /**
   * By first letter, the shortest and longest name: a word that no name of its first letter is
   * within two letters of cannot match one, and is not coded at all.
   */
  private lengths = new Map<string, readonly [number, number]>();

  learn(names: Iterable<string>): void {
    this.names = new Set(names);
    this.codes = null;
    this.lengths = new Map();
    for (const name of this.names) {
      const [low, high] = this.lengths.get(name[0] as string) ?? [Infinity, 0];
      this.lengths.set(name[0] as string, [Math.min(low, name.length), Math.max(high, name.length)]);
    }
  }

  /** Whether `word` could be a name or a misspelling of one by its first letter and length: a cheap test. */
  mayBeName(word: string): boolean {
    const range = this.lengths.get(word[0] as string);
    return range !== undefined && word.length >= range[0] - 2 && word.length <= range[1] + 2;
  }

  /** Whether `word` is one of the names, as spelt. */
  has(word: string): boolean {
    return this.names.has(word);
  }

  /** The name `word` is probably a misspelling of, or null. */
  closest(word: string): string | null {
    if (word.length < MIN_WORD || !this.mayBeName(word)) return null;
    const [code] = doubleMetaphone(word);
    const name = (this.codes ??= codesOf(this.names)).get(code);
    if (name == null || name === word) return null;
    return name[0] === word[0] && Math.abs(name.length - word.length) <= 2 && sharesMostLetters(word, name) ? name : null;
  }
}

/**
 * Whether more than half of the misspelling's letters (counted with repeats) are in the name. A
 * two-letter sound code matches words that share little else: "sohr" (an acronym) and "swore" both
 * code as "syria" does, but keep only its s and r, where "sirya" keeps all five of its letters.
 */
function sharesMostLetters(word: string, name: string): boolean {
  const left = [...name];
  let shared = 0;
  for (const letter of word) {
    const at = left.indexOf(letter);
    if (at < 0) continue;
    left.splice(at, 1);
    shared++;
  }
  return shared * 2 > word.length;
}

function codesOf(names: Iterable<string>): Map<string, string | null> {
  const byCode = new Map<string, string | null>();
  for (const name of names) {
    if (name.length < MIN_WORD) continue;
    const [code] = doubleMetaphone(name);
    if (code.length < 2) continue;
    const seen = byCode.get(code);
    byCode.set(code, seen === undefined || seen === name ? name : null);
  }
  return byCode;
}
