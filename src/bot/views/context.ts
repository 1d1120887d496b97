/**
 * Sentences in context: the Context button (a quote's sentences with ±2 neighbours) and
 * `/source sentence:`. Sentence numbers belong to one document, named by id.
 */
import type { Knowledge, Sentence } from '../../knowledge/types.js';
import { attribution, documentOf } from './document.js';
import { assemble, rendered, renderNotice, shrinkable, type Part, type Rendered } from './layout.js';

const CONTEXT_RADIUS = 2;

function sentenceLine(s: Sentence, highlight: boolean): Part {
  return shrinkable(s.text, (escaped) => {
    const text = escaped.replace(/\n/g, '\n> ');
    return highlight ? `> **${s.n}.** __${text}__` : `> **${s.n}.** ${text}`;
  });
}

/**
 * Sentences of `documentId` (default: the primary document) with their neighbours, the requested
 * ones underlined. When everything doesn't fit, the neighbours farthest from a requested sentence
 * are left out first.
 */
export function renderContext(
  knowledge: Knowledge,
  sentences: readonly number[],
  options: { readonly documentId?: string | undefined; readonly heading?: string } = {},
): Rendered {
  const { documentId } = options;
  if (documentId !== undefined && !knowledge.documents.has(documentId)) {
    return renderNotice("That article isn't in my fact base anymore; try /source.");
  }
  const doc = documentOf(knowledge, documentId);
  const targets = [...new Set(sentences)].filter((n) => doc.sentences.some((s) => s.n === n));
  if (targets.length === 0) return renderNotice("That part of the article isn't there anymore; try /source.");
  const byN = new Map<number, Sentence>();
  for (const n of targets) for (const s of knowledge.context(n, CONTEXT_RADIUS, doc.id)) byN.set(s.n, s);
  const ordered = [...byN.values()].sort((a, b) => a.n - b.n);
  const distance = (n: number) => Math.min(...targets.map((t) => Math.abs(t - n)));
  const head =
    options.heading ??
    (targets.length === 1
      ? `**Context** — sentence ${targets[0]} with its neighbours:`
      : `**Context** — sentences ${targets.join(', ')} with their neighbours:`);
  const parts: Part[] = [{ text: head }];
  for (const s of ordered) {
    const d = distance(s.n);
    const line = sentenceLine(s, d === 0);
    parts.push(d === 0 ? line : { text: line.text, dropRank: d * 1000 + s.n });
  }
  parts.push({ text: attribution(doc), dropRank: 1 });
  return rendered(assemble(parts));
}

/** `/source sentence:n`: that sentence of the document and its neighbours; null when there is none. */
export function renderSentence(knowledge: Knowledge, n: number, documentId?: string): Rendered | null {
  if (documentId !== undefined && !knowledge.documents.has(documentId)) return null;
  const doc = documentOf(knowledge, documentId);
  if (!doc.sentences.some((s) => s.n === n)) return null;
  return renderContext(knowledge, [n], {
    documentId: doc.id,
    heading: `**Sentence ${n}** of ${doc.sentences.length}, with its neighbours:`,
  });
}
