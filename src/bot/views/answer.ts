/**
 * The answer view: every answered part of the message (the best first, then up to two more), each
 * with its verbatim quotes and sentence numbers, a plain line for what went unanswered, related
 * facts, the attribution of each document quoted, and the Context/Related/feedback buttons.
 * Outcomes other than `answer` are drawn by decline.ts.
 */
import type { Answer, Knowledge } from '../../knowledge/types.js';
import { button, buttonRows, factMenu, feedbackRow, type Button } from './components.js';
import { renderChatter, renderDecline } from './decline.js';
import { attribution, customIdDocument, documentOf, nowCaveat } from './document.js';
import { echoUserText, escapeText } from './escape.js';
import { assemble, rendered, renderNotice, shrinkable, type Part, type Rendered } from './layout.js';
import { plainLine, truncate } from './text.js';

interface AnswerViewOptions {
  /** Show the question as the first line: a public /ask answer, where readers don't see what was asked. */
  readonly echoQuestion?: boolean;
}

/** How long an echoed question may be on an answer's first line. */
const ECHO_MAX = 150;

/** Any engine answer as a reply: answered parts here, unsure/decline/chatter in decline.ts. */
export function renderAnswer(answer: Answer, knowledge: Knowledge, options: AnswerViewOptions = {}): Rendered {
  if (answer.outcome === 'chatter') return renderChatter(knowledge);
  if (!answer.answered || answer.answer === null) return renderDecline(answer, knowledge);

  const parts: Part[] = [];
  if (options.echoQuestion && plainLine(answer.question) !== '') {
    parts.push({ text: `**Q:** ${echoUserText(answer.question, ECHO_MAX)}` });
  }
  if (answer.asksAboutNow) parts.push({ text: `*${nowCaveat(documentOf(knowledge, answer.document))}*` });
  parts.push(...answeredPart(answer, 10));

  const more = answer.more.filter((m) => m.answered && m.answer !== null).slice(0, 2);
  more.forEach((m, i) => {
    parts.push({ text: `**${echoUserText(m.question, ECHO_MAX)}**` });
    parts.push(...answeredPart(m, 30 + 10 * i));
  });
  if (answer.unanswered.length > 0) {
    const asked = answer.unanswered.slice(0, 3).map((u) => `“${echoUserText(u, 100)}”`).join(', ');
    parts.push({ text: `The article doesn't say anything about ${asked}.`, dropRank: 8 });
  }
  if (answer.related.length > 0) {
    const list = answer.related.map((r) => escapeText(truncate(plainLine(r.question), 100))).join(' · ');
    parts.push({ text: `-# Related: ${list}`, dropRank: 60 });
  }
  const documents = [...new Set([answer, ...more].map((a) => documentOf(knowledge, a.document)))];
  for (const doc of documents) parts.push({ text: attribution(doc), dropRank: 5 });

  const alt = answer.alternative;
  const buttons: (Button | null)[] = [
    contextButton(knowledge, answer, 'Context'),
    answer.related.length > 0 && answer.factId !== null ? button({ kind: 'qa:rel', factId: answer.factId }, 'Related') : null,
    alt && alt.id !== answer.factId ? button({ kind: 'qa:fact', factId: alt.id }, `Did you mean: ${alt.question}`) : null,
    ...more.map((m) => contextButton(knowledge, m, `Context: ${m.question}`)),
  ];
  return rendered(assemble(parts), [...buttonRows(buttons), ...feedbackRow(answer.factId)]);
}

/** One answered question: its answer ("Yes — "/"No — " when the fact settles it) and its quotes. */
function answeredPart(answer: Answer, quoteRank: number): Part[] {
  const verdict = answer.verdict === 'yes' ? 'Yes — ' : answer.verdict === 'no' ? 'No — ' : '';
  const parts: Part[] = [shrinkable(answer.answer ?? '', (e) => `${verdict}${e}`)];
  answer.quotes.forEach((q, i) => {
    const part = quoteLine(q.text, q.sentence);
    // The best quote is kept (shortened if it must be); the others go first when space runs out.
    parts.push(i === 0 ? part : { ...part, dropRank: quoteRank + i });
  });
  return parts;
}

function quoteLine(text: string, n: number): Part {
  // Sentences are single lines; should one contain a line break, every line stays inside the quote.
  return shrinkable(
    text,
    (escaped, cut) => `> “${escaped.replace(/\n/g, '\n> ')}” — sentence ${n}${cut ? ` (shortened: /source sentence:${n})` : ''}`,
  );
}

function contextButton(knowledge: Knowledge, answer: Answer, label: string): Button | null {
  const sentences = [...new Set(answer.quotes.map((q) => q.sentence))].slice(0, 5);
  if (sentences.length === 0) return null;
  return button({ kind: 'qa:ctx', sentences, document: customIdDocument(knowledge, answer.document) }, label);
}

/** The related facts of an answer as a select menu (the Related button). */
export function renderRelated(answer: Answer): Rendered {
  if (answer.related.length === 0) return renderNotice('Nothing else in the article is closely related to this.');
  const lines: Part[] = [{ text: '**Related facts** — pick one to read its answer:' }];
  answer.related.forEach((r, i) => lines.push(factLine(r.question, r.answer, 10 + i)));
  return rendered(assemble(lines), [factMenu(answer.related, 'Read a related fact…')]);
}

/** A fact as two lines, its question in bold: for lists of facts. */
export function factLine(question: string, answer: string, dropRank: number): Part {
  return {
    text: `**${escapeText(truncate(plainLine(question), 200))}**\n${escapeText(truncate(plainLine(answer), 300))}`,
    dropRank,
  };
}
