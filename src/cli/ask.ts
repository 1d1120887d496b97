/**
 * `npm run ask -- "question"` prints an answer the way the bot would, without Discord.
 * `npm run --silent ask -- --json ["question"]` is the machine contract: one JSON object per
 * question on stdout (questions read from stdin, one per line, when none is given), nothing else.
 * A stdin line that is one JSON string carries a message with line breaks (see messageOf).
 * Lines end at "\n" or "\r\n" only, and each answer is exactly one line (see lines.ts).
 */
import { KnowledgeError, loadKnowledge } from '../knowledge/index.js';
import type { Knowledge } from '../knowledge/index.js';
import { toJson, toText } from './ask-output.js';
import { jsonLine, messageOf, readLines } from './lines.js';

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
  for await (const line of readLines(process.stdin)) await answerOne(messageOf(line));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
