/**
 * Moves every test question that nearly repeats a curated question or a long lexicon entry (a
 * difflib ratio of 0.8 or more) from test/fixtures/questions.*.jsonl to
 * test/fixtures/training/<same name>, which only the decider's fitting reads. Run it after adding
 * a question set, once the set has been scored for the first time:
 *
 *   npx tsx scripts/move-near-copies.ts
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/index.js';
import { lexiconSchema } from '../src/knowledge/schema.js';
import { nearCopyFinder } from '../test/helpers/similarity.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const lexicon = lexiconSchema.parse(JSON.parse(readFileSync(new URL('../src/knowledge/lexicon.json', import.meta.url), 'utf8')));
const nearCopyOf = nearCopyFinder({ facts: loadKnowledge().facts, lexicon });

for (const name of readdirSync(FIXTURES).filter((f) => /^questions\..+\.jsonl$/.test(f)).sort()) {
  const lines = readFileSync(new URL(name, FIXTURES), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const moved = lines.filter((l) => nearCopyOf((JSON.parse(l) as { q: string }).q) !== undefined);
  if (moved.length === 0) continue;
  writeFileSync(new URL(name, FIXTURES), lines.filter((l) => !moved.includes(l)).map((l) => `${l}\n`).join(''));
  appendFileSync(new URL(`training/${name}`, FIXTURES), moved.map((l) => `${l}\n`).join(''));
  console.log(`${name}: moved ${moved.length} to training/${name}`);
}
