/**
 * Word-form helpers of the analyzer (analyzer.ts): whether a rule's words occur at a position,
 * whether a word inflects a lexicon word, the base forms an inflected word may come from, and the
 * stems of a text's capitalised words.
 */
import { stem, words } from './text.js';

/** Capitalised words inside a sentence: a question's named entities. */
export const NAME_INSIDE = /(?<=[\p{L}\p{N},;:'")\]]\s+)\p{Lu}\p{Ll}+/gu;
/** Capitalised words opening a sentence. */
export const NAME_OPENING = /(?<=^|[.!?]\s+)\p{Lu}\p{Ll}+/gu;

export function stemsOf(text: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(pattern)) for (const w of words(m[0])) found.add(stem(w));
  return found;
}

/**
 * Whether `ws` holds `rule` word for word from `at` on. A loop, not `every` with a closure: it runs
 * for every word of every indexed text, mostly before the JIT has compiled anything.
 */
export function wordsAt(ws: readonly string[], at: number, rule: readonly string[]): boolean {
  for (let k = 0; k < rule.length; k++) if (ws[at + k] !== rule[k]) return false;
  return true;
}

/**
 * Whether a word of the question is the lexicon's word or an inflection of it ("agreed" of
 * "agree", "proposing" of "propose", "studies" of "study"). Porter2 also joins a word to forms of
 * another sense ("heads" and "heading", a title): a variant stands only for its own inflections.
 */
export function inflects(word: string, variant: string): boolean {
  if (word.startsWith(variant)) return true;
  const last = variant[variant.length - 1];
  if (last === 'e') return word.startsWith(variant.slice(0, -1));
  return last === 'y' && word.startsWith(`${variant.slice(0, -1)}i`);
}

/** The word and the forms an inflection of it may come from: "inhabitants" → "inhabitant". */
export function baseForms(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  // "boxes" → "box", but "uses" → "use" and "causes" → "cause": both readings are tried.
  if (/(?:s|x|z|ch|sh)es$/.test(word)) out.push(word.slice(0, -2), word.slice(0, -1));
  else if (/[^su]s$/.test(word)) out.push(word.slice(0, -1));
  if (word.endsWith('ed')) out.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith('ing')) out.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  // A doubled final consonant before the ending: "getting" → "get", "stopped" → "stop".
  const doubled = /([b-df-hj-np-tv-z])\1(?:ing|ed)$/.exec(word);
  if (doubled) out.push(word.slice(0, doubled.index + 1));
  return out;
}

/** A letter three or more times in a row: no English word has one. */
const STRETCHED = /(\p{L})\1\1/u;
const STRETCHED_ALL = /(\p{L})\1{2,}/gu;

/**
 * What a chat spelling may stand for, most likely first: a word with a letter held down, its runs
 * cut to two letters, then to one ("sooo" → "soo", "so"); a word with its final "g" dropped, the
 * "-ing" form ("talkin" → "talking"). Empty for a word written neither way.
 */
export function chatSpellings(word: string): string[] {
  const out: string[] = [];
  if (STRETCHED.test(word)) out.push(word.replace(STRETCHED_ALL, '$1$1'), word.replace(STRETCHED_ALL, '$1'));
  if (word.length >= 4 && word.endsWith('in')) out.push(`${word}g`);
  return out;
}
