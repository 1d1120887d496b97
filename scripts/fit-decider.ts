/**
 * Fits the answer/decline model (src/knowledge/decider.json) on the labelled question sets in
 * test/fixtures, and reports leave-one-set-out cross-validation: for each set, a model and its
 * threshold are fitted on every other set and scored on the one left out. The figures printed
 * are those held-out scores, not the in-sample ones.
 *
 *   npm run fit:decider            # fit, cross-validate, write decider.json
 *   npm run fit:decider -- --dry   # cross-validate only
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { FEATURES } from '../src/knowledge/decider.js';
import type { DeciderModel } from '../src/knowledge/decider.js';
import { buildKnowledge, readKnowledgeFiles } from '../src/knowledge/index.js';
import { fitLogistic, pickThreshold } from './logistic.js';
import type { Example } from './logistic.js';

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const OUT = new URL('../src/knowledge/decider.json', import.meta.url);
/** A wrong answer costs users more than a decline that offers the right fact: this many times more. */
const WRONG_COST = Number(process.argv.find((a) => a.startsWith("--cost="))?.slice(7) ?? 3);
/** Below the answer threshold, a probability this high still offers the nearest facts. */
const OFFER_AT = 0.15;
/**
 * Blind sets scored once and never tuned on: kept out of fitting so their figures stay an honest
 * estimate of wording nobody has tried (README, "Answer quality"). `--hold=FILE` holds out more.
 */
const HELD_OUT = new Set(['questions.blind18.jsonl', 'questions.blind19.jsonl', ...process.argv.filter((a) => a.startsWith('--hold=')).map((a) => a.slice(7))]);

interface Question {
  q: string;
  kind: 'answerable' | 'offtopic' | 'unanswerable';
  expect: string[];
}

const files = readdirSync(FIXTURES).filter((f) => /^questions\..+\.jsonl$/.test(f) && !HELD_OUT.has(f)).sort();
const knowledge = buildKnowledge(readKnowledgeFiles());
const engine = knowledge.engine as unknown as { evaluate(m: string): Array<{ features: Record<string, number> | null; ranking: { ranked: Array<{ doc: { fact: { id: string } } }> } }> };

/** Each question's first asking clause as an example; label 1 when its best fact quotes an expected sentence. */
function examplesOf(file: string): Array<Example & { kind: Question['kind'] }> {
  // A set's near copies of curated questions live in training/: still labelled data, never a test.
  const moved = new URL(`training/${file}`, FIXTURES);
  const text = readFileSync(new URL(file, FIXTURES), 'utf8') + (existsSync(moved) ? readFileSync(moved, 'utf8') : '');
  const questions = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Question);
  return questions.map((q) => {
    const first = engine.evaluate(q.q)[0];
    const best = first?.ranking.ranked[0];
    const x = FEATURES.map((name) => first?.features?.[name] ?? 0);
    const quote = best ? (knowledge.engine.answerFact(best.doc.fact.id)?.quotes[0]?.text ?? '') : '';
    const right = q.kind === 'answerable' && q.expect.some((e) => quote.includes(e));
    return { x, y: right ? 1 : 0, matched: first?.features != null, kind: q.kind };
  });
}

const sets = new Map(files.map((f) => [f, examplesOf(f)]));
const pct = (a: number, b: number) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

console.log(`leave-one-set-out cross-validation (wrong answer cost ${WRONG_COST}):`);
console.log('set                                 top quote   off-topic  unanswerable  precision');
let totals = { right: 0, answerable: 0, given: 0, wrong: 0 };
for (const [file, test] of sets) {
  const train = [...sets].filter(([f]) => f !== file).flatMap(([, e]) => e);
  const model = fitLogistic(train);
  const at = pickThreshold(train.map((e) => ({ p: model.predict(e.x), y: e.y, matched: e.matched })), WRONG_COST);
  let right = 0;
  let given = 0;
  const declined = { offtopic: 0, unanswerable: 0 };
  const count = { answerable: 0, offtopic: 0, unanswerable: 0 };
  for (const e of test) {
    count[e.kind]++;
    const answers = e.matched && model.predict(e.x) >= at;
    if (answers) given++;
    if (answers && e.y === 1) right++;
    if (!answers && e.kind !== 'answerable') declined[e.kind]++;
  }
  totals = { right: totals.right + right, answerable: totals.answerable + count.answerable, given: totals.given + given, wrong: totals.wrong + given - right };
  console.log(
    `${file.padEnd(36)}${pct(right, count.answerable)}    ${pct(declined.offtopic, count.offtopic)}    ${pct(declined.unanswerable, count.unanswerable)}      ${pct(right, given)}`,
  );
}
console.log(`${'all (pooled)'.padEnd(36)}${pct(totals.right, totals.answerable)}                             ${pct(totals.right, totals.given)}`);

const all = [...sets.values()].flat();
const model = fitLogistic(all);
const answerAt = pickThreshold(all.map((e) => ({ p: model.predict(e.x), y: e.y, matched: e.matched })), WRONG_COST);
const out: DeciderModel = {
  features: [...FEATURES],
  weights: model.weights.map((w) => Math.round(w * 1e4) / 1e4),
  bias: Math.round(model.bias * 1e4) / 1e4,
  answerAt: Math.round(answerAt * 1e4) / 1e4,
  offerAt: Math.min(OFFER_AT, answerAt),
  fitted: {
    by: 'scripts/fit-decider.ts (logistic regression, L2, on standardised features)',
    sets: files,
    examples: all.length,
    wrongAnswerCost: WRONG_COST,
    crossValidated: { topQuote: +(totals.right / totals.answerable).toFixed(3), precision: +(totals.right / totals.given).toFixed(3) },
  },
};
if (!process.argv.includes('--dry')) {
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${OUT.pathname}: answer at p ≥ ${out.answerAt}, offer at p ≥ ${out.offerAt}`);
}
