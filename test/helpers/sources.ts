import { readFileSync } from 'node:fs';

/**
 * The raw text of each document's file, as a curator wrote it: quotes are checked against these,
 * never against the sentences the knowledge layer split from them.
 */
export const RAW_DOCUMENTS: ReadonlyMap<string, string> = new Map([
  ['astana-2017', readFileSync(new URL('../../src/knowledge/article.txt', import.meta.url), 'utf8')],
  ['harbour-2021', readFileSync(new URL('../fixtures/second-document/harbour-2021.txt', import.meta.url), 'utf8')],
]);

const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * Whether `quote` is word-for-word text of the document's file: the same characters in the same
 * order, line wrapping inside a paragraph counting as a space.
 */
export function isVerbatim(documentId: string | null, quote: string): boolean {
  const raw = documentId === null ? undefined : RAW_DOCUMENTS.get(documentId);
  return raw !== undefined && quote.trim() !== '' && squash(raw).includes(squash(quote));
}
