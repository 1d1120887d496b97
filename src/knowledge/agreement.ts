/**
 * Answers agree with their quotes: every number, date, month, day and capitalised name in a
 * fact's answer must occur in the sentences it cites, directly or through an alias its document
 * declares ("Russia" for "Russian Federation"). A curator who edits an answer cannot slip in a
 * figure or a name the article does not give.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Number words and the value they stand for (cardinals and ordinals). */
const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  [
    ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9],
    ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16],
    ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
    ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['thousand', 1_000], ['million', 1_000_000],
    ['billion', 1_000_000_000], ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
    ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['twentieth', 20], ['hundredth', 100],
    ['once', 1], ['twice', 2], ['half', 0.5], ['dozen', 12],
  ] as const,
);

/** Words that begin a sentence without naming anything: capitalised only by their position. */
const SENTENCE_STARTERS = new Set([
  'a', 'an', 'the', 'it', 'its', 'they', 'their', 'them', 'he', 'she', 'his', 'her', 'we', 'you', 'this', 'that', 'these', 'those',
  'there', 'here', 'yes', 'no', 'not', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'after', 'before', 'since', 'until',
  'every', 'each', 'all', 'most', 'some', 'both', 'none', 'only', 'also', 'and', 'but', 'or', 'if', 'so', 'when', 'where', 'what',
  'who', 'which', 'how', 'why', 'about', 'to', 'of', 'nobody', 'nothing', 'neither', 'either', 'according', 'however',
  'besides', 'meanwhile', 'then', 'yet', 'still', 'instead', 'although', 'while', 'because', 'during', 'under', 'over',
]);

/** After these words, "one" stands for a noun ("the final one"), not for a count. */
const ONE_AS_PRONOUN = new Set(['the', 'this', 'that', 'each', 'no', 'any', 'every', 'another', 'which', 'final', 'last', 'next', 'only', 'same', 'other', 'new', 'old']);

export type TermKind = 'number' | 'month' | 'day' | 'name';

export interface Term {
  readonly word: string;
  readonly kind: TermKind;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N},.]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Letters without diacritics, straight apostrophes, no possessive "'s". */
function plain(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/'s\b/g, '');
}

/** The value a token stands for when it is a number ("420,000", "6th", "five"), else null. */
export function numberValue(token: string): number | null {
  const t = token.toLowerCase();
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:st|nd|rd|th|s)?$/.exec(t);
  if (digits) return Number(t.replace(/(?:st|nd|rd|th|s)$/, '').replace(/,/g, ''));
  return NUMBER_WORDS.get(t) ?? null;
}

/** Words and numbers; inner commas and periods stay ("420,000", "U.S"), trailing ones do not ("Syria."). */
function tokens(text: string): string[] {
  return plain(text).match(WORD) ?? [];
}

/** The terms of an answer that its quotes must back. */
export function termsOf(answer: string): Term[] {
  const out: Term[] = [];
  // Sentence starts: the text's start and every position after ". ", "! ", "? ", ": " or an opening quote.
  const sentences = plain(answer).split(/(?<=[.!?:;])\s+|["\u201c\u201d]/);
  for (const sentence of sentences) {
    const words = tokens(sentence);
    words.forEach((word, i) => {
      const lower = word.toLowerCase();
      if (lower === 'one' && ONE_AS_PRONOUN.has(words[i - 1]?.toLowerCase() ?? '')) return;
      if (numberValue(word) !== null) out.push({ word, kind: 'number' });
      else if (MONTHS.includes(lower) && /^\p{Lu}/u.test(word)) out.push({ word, kind: 'month' });
      else if (DAYS.includes(lower.replace(/s$/, '')) && /^\p{Lu}/u.test(word)) out.push({ word, kind: 'day' });
      else if (/^\p{Lu}/u.test(word) && !(i === 0 && SENTENCE_STARTERS.has(lower))) out.push({ word, kind: 'name' });
    });
  }
  return out;
}

/** Lower-case words of a text, and the values of its numbers. */
function vocabulary(text: string): { words: Set<string>; numbers: Set<number> } {
  const words = new Set<string>();
  const numbers = new Set<number>();
  for (const w of tokens(text)) {
    const lower = w.toLowerCase();
    words.add(lower);
    if (lower.endsWith('s')) words.add(lower.slice(0, -1));
    const v = numberValue(w);
    if (v !== null) numbers.add(v);
  }
  return { words, numbers };
}

const phrase = (s: string) => tokens(s).join(' ').toLowerCase();

/**
 * The answer's terms that its cited sentences do not back, directly or through `aliases` (a term,
 * lower-cased, mapped to the phrases that may stand for it in the document).
 */
export function unbackedTerms(answer: string, sentences: readonly string[], aliases: ReadonlyMap<string, readonly string[]> = new Map()): Term[] {
  const cited = sentences.join('\n');
  const { words, numbers } = vocabulary(cited);
  const citedPhrase = ` ${phrase(cited)} `;
  return termsOf(answer).filter((term) => {
    const lower = term.word.toLowerCase();
    if (term.kind === 'number' && numbers.has(numberValue(term.word) as number)) return false;
    if (words.has(lower) || (term.kind === 'day' && words.has(lower.replace(/s$/, '')))) return false;
    return !(aliases.get(lower) ?? []).some((variant) => citedPhrase.includes(` ${phrase(variant)} `));
  });
}
