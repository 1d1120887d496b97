/** The kind of answer a question asks for, read from its wh-words. */
export type Intent = 'who' | 'when' | 'where' | 'why' | 'count' | 'duration' | 'yesno' | 'say';

const INTENT_WORDS: ReadonlyMap<string, Intent> = new Map([
  ['who', 'who'], ['whom', 'who'], ['whose', 'who'], ['whos', 'who'],
  ['when', 'when'], ['where', 'where'], ['wheres', 'where'], ['why', 'why'],
]);

/** Asking what someone said: only facts reporting words spoken can answer it. */
const SAY_WORDS = new Set(['say', 'said', 'says', 'saying', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'declared', 'quote', 'quoted']);
const YES_NO_OPENERS = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'has', 'have', 'had', 'should']);

/** What a question asks for, from its (lower-cased, respelt) words: "how many" → count, "when" → when. */
export function intentsOf(ws: readonly string[]): Intent[] {
  const intents = new Set<Intent>();
  ws.forEach((w, i) => {
    const direct = INTENT_WORDS.get(w);
    if (direct) intents.add(direct);
    if (w === 'how') {
      const next = ws[i + 1];
      if (next === 'many' || next === 'much') intents.add('count');
      else if (next === 'long') intents.add('duration');
    }
    if (w === 'number' && ws[i + 1] === 'of') intents.add('count');
    if (SAY_WORDS.has(w)) intents.add('say');
    if (w === 'since' && ws[i + 1] === 'when') intents.add('when');
  });
  if ((intents.size === 0 || (intents.size === 1 && intents.has('say'))) && ws[0] !== undefined && YES_NO_OPENERS.has(ws[0])) intents.add('yesno');
  return [...intents];
}
