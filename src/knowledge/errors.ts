/**
 * Every message the knowledge layer can fail with, in one place, so the curator sees the same
 * wording from `npm run knowledge:check`, from the bot's startup and from the tests.
 */
export class KnowledgeError extends Error {
  override readonly name = 'KnowledgeError';
  constructor(
    message: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
  }
}

export const problems = {
  duplicateId: (id: string) => `fact "${id}": field "id" is not unique`,
  unknownSource: (id: string, source: string) => `fact "${id}": field "source" names unknown document "${source}"`,
  unknownTopic: (id: string, topic: string) => `fact "${id}": field "topic" names unknown topic "${topic}"`,
  missingSentence: (id: string, n: number, count: number) =>
    `fact "${id}": field "sentences" cites sentence ${n}, but the article has sentences 1-${count}`,
  unstamped: (id: string, doc: string, ns: readonly number[]) =>
    `fact "${id}": field "stamp" is missing: review its answer against sentence${ns.length === 1 ? '' : 's'} ${ns.join(', ')} of "${doc}", then run npm run knowledge:check -- --accept ${id}`,
  changed: (id: string, doc: string, ns: readonly number[], moved: readonly number[] | null) =>
    `fact "${id}": sentence${ns.length === 1 ? '' : 's'} ${ns.join(', ')} of "${doc}" changed since the fact was stamped: ` +
    (moved ? `the text it was stamped with is now sentence${moved.length === 1 ? '' : 's'} ${moved.join(', ')}: update field "sentences", ` : 'review its answer and citations, ') +
    `then run npm run knowledge:check -- --accept ${id}`,
  disagrees: (id: string, kind: string, word: string, ns: readonly number[]) =>
    `fact "${id}": field "answer": ${kind} "${word}" does not occur in its cited sentence${ns.length === 1 ? '' : 's'} ${ns.join(', ')} (nor through an alias of its document)`,
  uncovered: (source: string, n: number) => `document "${source}": sentence ${n} is not covered by any fact`,
  schema: (where: string, path: string, message: string) => `${where}: field "${path}": ${message}`,
  emptyTopic: (topic: string) => `topic "${topic}": no fact belongs to it`,
} as const;
