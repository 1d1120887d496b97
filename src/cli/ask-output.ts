/**
 * What `npm run ask` writes: the JSON-lines machine contract and the readable text, kept apart
 * from the entry point so both can be tested without running it.
 */
import { nowCaveat } from '../bot/views/document.js';
import type { Answer, Knowledge } from '../knowledge/index.js';

export interface JsonAnswer {
  question: string;
  answered: boolean;
  answer: string | null;
  confidence: number;
  quotes: Array<{ sentence: number; text: string }>;
  related: Array<{ id: string; answer: string }>;
  suggestions: Array<{ id: string; question: string; quotes: Array<{ sentence: number; text: string }> }>;
  more: Array<{ question: string; answer: string | null; quotes: Array<{ sentence: number; text: string }> }>;
}

const quotesJson = (quotes: Answer['quotes']) => quotes.map((q) => ({ sentence: q.sentence, text: q.text }));

/** The exact shape outside checks rely on: no more fields, no fewer. */
export function toJson(question: string, a: Answer): JsonAnswer {
  return {
    question,
    answered: a.answered,
    answer: a.answer,
    confidence: a.confidence,
    quotes: quotesJson(a.quotes),
    related: a.related.map((r) => ({ id: r.id, answer: r.answer })),
    suggestions: a.suggestions.map((s) => ({ id: s.id, question: s.question, quotes: quotesJson(s.quotes) })),
    more: a.more.map((m) => ({ question: m.question, answer: m.answer, quotes: quotesJson(m.quotes) })),
  };
}

/** What `npm run ask` prints for people: every answered part with its quotes, then what went unanswered. */
export function toText(k: Knowledge, a: Answer): string {
  const lines: string[] = [];
  if (a.outcome === 'chatter') {
    lines.push(`I answer questions about "${k.article.headline}", quoting its sentences. Ask me something about it.`);
    return lines.join('\n');
  }
  if (!a.answered) {
    const lead = a.outcome === 'unsure' ? 'Did you mean:' : 'You could ask:';
    lines.push("The article doesn't say.", '', lead, ...a.suggestions.map((s) => `  - ${s.question}`));
    return lines.join('\n');
  }
  for (const [i, part] of [a, ...a.more].entries()) {
    if (i > 0) lines.push('', `Also asked: "${part.question}"`);
    lines.push(part.answer ?? '', '');
    for (const q of part.quotes) lines.push(`  > "${q.text}" (sentence ${q.sentence})`);
  }
  if (a.unanswered.length > 0) lines.push('', `Not in the article: ${a.unanswered.map((u) => `"${u}"`).join(', ')}`);
  const doc = (a.document === null ? undefined : k.documents.get(a.document)) ?? k.article;
  if (a.asksAboutNow) lines.push('', `Note: ${nowCaveat(doc)}`);
  lines.push('', `Source: "${doc.headline}", by ${doc.byline}.`, `Confidence: ${a.confidence.toFixed(2)}`);
  if (a.related.length > 0) lines.push('', 'Related:', ...a.related.map((r) => `  - ${r.question}`));
  return lines.join('\n');
}
