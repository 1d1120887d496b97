/**
 * `npm run knowledge:check [-- DIR]`: validates the fact base (by default the bundled one) the
 * same way the bot does at startup, and prints every problem, each naming the fact and the field.
 */
import { pathToFileURL } from 'node:url';
import { KnowledgeError, buildKnowledge, readKnowledgeFiles } from '../knowledge/index.js';

function main(argv: readonly string[]): number {
  const dirArg = argv.find((a) => a !== '--');
  const dir = dirArg ? pathToFileURL(dirArg.endsWith('/') ? dirArg : `${dirArg}/`) : undefined;
  try {
    const k = buildKnowledge(readKnowledgeFiles(dir));
    const questions = k.facts.reduce((n, f) => n + f.questions.length, 0);
    const cited = new Set(k.facts.flatMap((f) => f.sentences)).size;
    console.log(
      `knowledge ok: ${k.facts.length} facts in ${k.topics.length} topics, ${questions} curated questions, ` +
        `${cited}/${k.article.sentences.length} sentences of "${k.article.id}" covered, every quote verbatim`,
    );
    return 0;
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    console.error(`knowledge check failed (${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}):`);
    for (const p of err.problems) console.error(`  - ${p}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
