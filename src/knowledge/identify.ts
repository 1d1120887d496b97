import { stem, words } from './text.js';

/**
 * "Which observer group reported the fighting?" asks the article to *identify* something. A fact
 * that mentions it only indefinitely ("An observer group says …") is about the right thing but
 * cannot answer: the article leaves it unnamed. These two functions let the decider see that.
 */

/** Words that end the noun phrase after "which"/"what": the question's verb or a function word. */
const PHRASE_ENDS = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'of', 'in', 'on', 'at', 'to', 'for', 'the', 'it', 'they', 'that', 'this']);
const ASKS_TO_IDENTIFY = new Set(['which', 'what', 'whose']);
/** Determiners that introduce something without naming it. */
const INDEFINITE = new Set(['a', 'an', 'some', 'several', 'certain', 'unnamed', 'unidentified']);
/** How many words a noun phrase may run to. */
const PHRASE = 3;

/** Stems of the noun phrase a question asks to identify: "which observer group …" → observ, group. */
export function askedToIdentify(text: string): string[] {
  const ws = words(text);
  const out: string[] = [];
  ws.forEach((w, i) => {
    if (!ASKS_TO_IDENTIFY.has(w)) return;
    for (const next of ws.slice(i + 1, i + 1 + PHRASE)) {
      if (PHRASE_ENDS.has(next) || ASKS_TO_IDENTIFY.has(next)) break;
      out.push(stem(next));
    }
  });
  return out;
}

/**
 * Stems of the words a text mentions only indefinitely: the words after "a", "an", "some" … up to
 * a name, which would identify it ("some nationalist Free Syrian Army factions" leaves only
 * "nationalist" unnamed).
 */
export function unnamedIn(text: string): Set<string> {
  const tokens = text.split(/[^\p{L}\p{N}'-]+/u).filter((t) => t !== '');
  const out = new Set<string>();
  tokens.forEach((t, i) => {
    if (!INDEFINITE.has(t.toLowerCase())) return;
    for (const next of tokens.slice(i + 1, i + 1 + PHRASE)) {
      if (/^\p{Lu}/u.test(next)) break;
      for (const w of words(next)) out.add(stem(w));
    }
  });
  return out;
}
