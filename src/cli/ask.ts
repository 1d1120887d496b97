/**
 * `npm run ask -- "question"` prints an answer the way the bot would, without Discord.
 * `npm run --silent ask -- --json ["question"]` is the machine contract: one JSON object per
 * question on stdout (questions read from stdin, one per line, when none is given), nothing else.
 * Lines end at "\n" or "\r\n" only, and each answer is exactly one line (see lines.ts).
 */
import { KnowledgeError, loadKnowledge } from '../knowledge/index.js';
import type { Answer, Knowledge } from '../knowledge/index.js';
import { jsonLine, readLines } from './lines.js';

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

export function toText(k: Knowledge, a: Answer): string {
  const lines: string[] = [];
  if (!a.answered) {
    lines.push("The article doesn't say.", '', 'You could ask:', ...a.suggestions.map((s) => `  - ${s.question}`));
    return lines.join('\n');
  }
  lines.push(a.answer ?? '', '');
  for (const q of a.quotes) lines.push(`  > "${q.text}" (sentence ${q.sentence})`);
  if (a.asksAboutNow) lines.push('', `Note: the article reports events of ${k.article.year}; it cannot tell what is happening now.`);
  lines.push('', `Source: "${k.article.headline}", by ${k.article.byline}.`, `Confidence: ${a.confidence.toFixed(2)}`);
  if (a.related.length > 0) lines.push('', 'Related:', ...a.related.map((r) => `  - ${r.question}`));
  return lines.join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes('--json');
  const question = argv.filter((a) => a !== '--json' && a !== '--').join(' ');
  let knowledge: Knowledge;
  try {
    knowledge = loadKnowledge();
  } catch (err) {
    console.error(err instanceof KnowledgeError ? err.message : err);
    return 1;
  }
  const answerOne = async (q: string) => {
    const a = knowledge.engine.answer(q);
    // Wait for a full pipe to drain: a million questions must not pile up in memory.
    if (!process.stdout.write(json ? `${jsonLine(toJson(q, a))}\n` : `${toText(knowledge, a)}\n`)) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
  };
  if (question.trim() !== '') {
    await answerOne(question);
    return 0;
  }
  if (!json && process.stdin.isTTY) {
    console.error('usage: npm run ask -- "Who are the guarantor countries?"   (or --json, reading questions from stdin)');
    return 2;
  }
  for await (const line of readLines(process.stdin)) await answerOne(line);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
