/**
 * Sentence splitting for news prose. A period ends a sentence only when it is not part of an
 * abbreviation ("U.S.", "Mr.", "Jan.") and the next word starts a new sentence; closing quotation
 * marks after the terminator belong to the sentence that ends inside them.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'st', 'jr', 'sr', 'rep', 'sen', 'gov', 'pres',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'inc', 'ltd', 'co', 'corp',
]);

const CLOSERS = new Set(['"', '\u201d', "'", '\u2019', ')', ']']);
const OPENERS = /["\u201c'\u2018([]/;

function endsWithAbbreviation(text: string, dot: number): boolean {
  // The word right before the period, e.g. "U.S" or "Mr".
  let start = dot;
  while (start > 0 && /[\p{L}.]/u.test(text[start - 1] ?? '')) start--;
  const word = text.slice(start, dot).toLowerCase();
  if (word === '') return false;
  // Initialisms: single letters separated by periods ("U.S", "U.N", "J").
  if (/^(\p{L}\.)*\p{L}$/u.test(word) && word.replace(/\./g, '').length <= 3 && /\p{Lu}/u.test(text[start] ?? '')) {
    return word.length === 1 || word.includes('.');
  }
  return ABBREVIATIONS.has(word);
}

/** Splits one paragraph into sentences, trimming surrounding white space. */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph.trim();
  const out: string[] = [];
  let begin = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let end = i + 1;
    while (end < text.length && (CLOSERS.has(text[end] ?? '') || text[end] === '.')) end++;
    if (end >= text.length) break;
    if (!/\s/.test(text[end] ?? '')) continue;
    let next = end;
    while (next < text.length && /\s/.test(text[next] ?? '')) next++;
    const following = text[next] ?? '';
    const startsSentence = /[\p{Lu}\p{N}]/u.test(following) || OPENERS.test(following);
    if (!startsSentence) continue;
    if (ch === '.' && endsWithAbbreviation(text, i)) continue;
    out.push(text.slice(begin, end).trim());
    begin = next;
    i = next - 1;
  }
  const rest = text.slice(begin).trim();
  if (rest !== '') out.push(rest);
  return out;
}
