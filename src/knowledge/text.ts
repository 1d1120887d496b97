import porter2 from 'wink-porter2-stemmer';

/**
 * Text normalisation shared by indexing and querying, so a fact and a question about it
 * are reduced to the same terms.
 */

/** What the engine looks at of a question: enough for any real question, bounded for hostile input. */
export const MAX_QUESTION_CHARS = 500;

// Upper-case initialisms that collide with common words once lower-cased ("US" vs "us", "IS" vs "is").
const CASE_SENSITIVE: ReadonlyArray<[RegExp, string]> = [
  [/\bU\.\s?S\.(?:\s?A\.)?|\bUSA?\b/g, ' usa '],
  [/\bU\.\s?N\.|\bUN\b/g, ' un '],
  [/\bIS(?:IS|IL)?\b/g, ' isis '],
];

/** Raw input looked at before normalisation: NFKC can expand text, so it only ever sees this much. */
export const MAX_RAW_QUESTION_CHARS = 4 * MAX_QUESTION_CHARS;

let segmenter: Intl.Segmenter | undefined;

/**
 * The grapheme segmenter, made on first use and shared (the views cut replies with it too):
 * starting ICU's segmenter takes ~9 ms, and only a message or reply over its cap needs it.
 */
export function graphemes(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
}

/** The longest prefix of `text` of at most `max` UTF-16 units that does not split a surrogate pair. */
export function capCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  // A high surrogate at the cut would be left without its pair.
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * The longest prefix of `text` of at most `max` UTF-16 units that ends on a grapheme boundary (an
 * emoji or a letter with its accents stays whole); on a code point boundary when the first
 * grapheme alone is longer than `max` (zalgo).
 */
export function capGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  // Whether a grapheme ends at `max` depends on the whole code point that starts there.
  for (const { index, segment } of graphemes().segment(capCodePoints(text, max + 2))) {
    if (index + segment.length > max) break;
    end = index + segment.length;
  }
  return end > 0 ? text.slice(0, end) : capCodePoints(text, max);
}

/** Removes control characters and caps length; what remains is safe to echo back (after escaping). */
export function cleanQuestion(raw: string): string {
  const cleaned = capCodePoints(raw, MAX_RAW_QUESTION_CHARS)
    .normalize('NFKC')
    // Terminal escape sequences pasted from a console ("\u001b[31m"): the whole sequence, not just ESC.
    // eslint-disable-next-line no-control-regex -- matching ESC is the point
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return capGraphemes(cleaned, MAX_QUESTION_CHARS).trim();
}

/**
 * Lower-cased words, diacritics and punctuation removed ("al-Assad's" → ["al", "assad"]).
 * Single letters are dropped unless `keepLetters` (chat spellings like "r" and "u" need them).
 */
export function words(text: string, keepLetters = false): readonly string[] {
  const cached = WORDS.get(text);
  if (cached !== undefined) return keepLetters ? cached.all : cached.words;
  const all = splitWords(text);
  const split = { all, words: all.some(isLoneLetter) ? all.filter((w) => !isLoneLetter(w)) : all };
  // Bounded: the same lexicon entries, facts and sentences are split at every build and by
  // several checks; hostile input must not grow the cache without end.
  if (text.length <= 200) {
    if (WORDS.size > 20_000) WORDS.clear();
    WORDS.set(text, split);
  }
  return keepLetters ? split.all : split.words;
}

/** Both forms of a text's words come from one split: the analyzer asks for one, the index for the other. */
const WORDS = new Map<string, { readonly all: readonly string[]; readonly words: readonly string[] }>();

/** Single letters carry no meaning once initialisms are handled ("quick q", stray "s"); digits do. */
function isLoneLetter(word: string): boolean {
  return word.length === 1 && !/\d/.test(word);
}

/** Lower-case ASCII letters and digits, one space between words: what splitWords would return split at the spaces. */
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

function splitWords(text: string): string[] {
  // Most lexicon entries and many questions' words are already plain lower-case ASCII words, which
  // every step below leaves as they are: a cold start splits ~1,900 lexicon texts before any regex
  // below is warm (~3 µs each).
  if (PLAIN.test(text)) return text.split(' ');
  let t = text;
  // Only upper-case initialisms need this ("US", "U.N.", "IS"): most texts have none.
  if (/[UI]/.test(t)) for (const [re, to] of CASE_SENSITIVE) t = t.replace(re, to);
  // Diacritics: only non-ASCII text can carry them.
  // eslint-disable-next-line no-control-regex -- the ASCII range is the point
  if (/[^\u0000-\u007f]/.test(t)) t = t.normalize('NFD').replace(/\p{M}+/gu, '');
  t = t
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/n't\b/g, ' not')
    // "co-ordination", "de-escalation": a hyphenated prefix belongs to its word.
    .replace(/\b(co|de|re|pre|non)-(?=\p{L})/gu, '$1');
  return t.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The Porter2 (Snowball English) stemmer, applied identically to facts and queries, so
 * "agreed/agree", "proposal/propose" and "zones/zone" meet. Numbers and short words stay as
 * they are: "us", "un" and "6th" are not inflections.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let stemmed = STEMS.get(word);
  if (stemmed === undefined) {
    stemmed = porter2(word);
    // Bounded: hostile input must not grow it without end.
    if (STEMS.size > 50_000) STEMS.clear();
    STEMS.set(word, stemmed);
  }
  return stemmed;
}

/** The same few thousand words are stemmed over and over (index build, every question). */
const STEMS = new Map<string, string>();

/** Fills the stem cache from a table made earlier with this same stemmer (wordnet.json's `stems`). */
export function primeStems(table: Readonly<Record<string, string>>): void {
  for (const word in table) if (!STEMS.has(word)) STEMS.set(word, table[word] as string);
}

/** What has been stemmed so far in this process: scripts/build-wordnet.ts saves it as that table. */
export function stemsSoFar(): ReadonlyMap<string, string> {
  return STEMS;
}

const NOW = /\b(now|today|currently|current|presently|nowadays|these days|at the moment|right now|still|latest|as of|this year|anymore|any more)\b/i;

/** The article reports 2017 events; a question about the present deserves that caveat. */
export function asksAboutNow(question: string): boolean {
  return NOW.test(question);
}

/** Whitespace-separated words: a length, not an analysis. */
export function wordCount(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/gu)) n++;
  return n;
}
