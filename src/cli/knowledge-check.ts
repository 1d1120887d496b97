/**
 * `npm run knowledge:check [-- DIR]`: validates the fact base (by default the bundled one) the
 * same way the bot does at startup, and prints every problem, each naming the fact and the field.
 *
 * `-- --accept ID [--accept ID2 ...]` re-stamps the named facts after a curator has re-read them
 * against the sentences they cite (after an edit of the article); `--accept-all` re-stamps every
 * fact whose stamp is missing or stale, and lists them: review each one it names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { KNOWLEDGE_DIR, KnowledgeError, buildKnowledge, prebuiltStatus, readKnowledgeFiles, restamp } from '../knowledge/index.js';

interface CheckArgs {
  readonly dir: URL;
  readonly accept: readonly string[] | 'all' | null;
}

function parseArgs(argv: readonly string[]): CheckArgs | string {
  let dir: URL = KNOWLEDGE_DIR;
  const accept: string[] = [];
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '--accept-all') all = true;
    else if (arg === '--accept' || arg.startsWith('--accept=')) {
      const value = arg === '--accept' ? argv[++i] : arg.slice('--accept='.length);
      if (value === undefined || value === '' || value.startsWith('--')) return '--accept needs a fact id';
      accept.push(...value.split(',').filter((v) => v !== ''));
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else dir = pathToFileURL(arg.endsWith('/') ? arg : `${arg}/`);
  }
  if (all && accept.length > 0) return 'use either --accept ID or --accept-all';
  return { dir, accept: all ? 'all' : accept.length > 0 ? accept : null };
}

function accept(args: CheckArgs): void {
  if (args.accept === null) return;
  const files = readKnowledgeFiles(args.dir);
  const { factBase, stamped } = restamp(files.factBase, files.articleFiles, args.accept);
  const path = new URL('facts.json', args.dir);
  const before = readFileSync(path, 'utf8');
  const after = `${JSON.stringify(factBase, null, 2)}\n`;
  if (after !== before) writeFileSync(path, after);
  console.log(stamped.length === 0 ? 'nothing to re-stamp' : `re-stamped ${stamped.length} fact(s): ${stamped.join(', ')}`);
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    console.error(`${args}\nusage: npm run knowledge:check -- [DIR] [--accept FACT_ID ... | --accept-all]`);
    return 2;
  }
  try {
    accept(args);
    const files = readKnowledgeFiles(args.dir);
    // Every check, even when prebuilt.json would let a start-up skip them.
    const k = buildKnowledge({ ...files, prebuilt: undefined });
    const questions = k.facts.reduce((n, f) => n + f.questions.length, 0);
    const coverage = [...k.documents.values()].map((d) => {
      const cited = new Set(k.facts.filter((f) => f.source === d.id).flatMap((f) => f.sentences)).size;
      return `${cited}/${d.sentences.length} sentences of "${d.id}"`;
    });
    console.log(
      `knowledge ok: ${k.facts.length} facts in ${k.topics.length} topics, ${questions} curated questions, ` +
        `${coverage.join(', ')} covered; every cited sentence reads as stamped, every answer agrees with its quotes`,
    );
    const prebuilt = prebuiltStatus(files.prebuilt, files);
    if (prebuilt !== 'current') console.log(`prebuilt.json is ${prebuilt}: run npm run build:index (until then the bot reads every fact's texts at start-up)`);
    return 0;
  } catch (err) {
    if (!(err instanceof KnowledgeError)) throw err;
    console.error(`knowledge check failed (${err.problems.length} problem${err.problems.length === 1 ? '' : 's'}):`);
    for (const p of err.problems) console.error(`  - ${p}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
