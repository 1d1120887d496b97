/**
 * Fits the question classifier (src/knowledge/classifier.json) and the answer/decline model
 * (src/knowledge/decider.json) on the labelled question sets in test/fixtures, and reports
 * cross-validation: for each set, the decider and its threshold are fitted on every other set and
 * scored on the one left out, with classifier features from a classifier that never saw the set.
 * The figures printed are those held-out scores, not the in-sample ones.
 *
 * The decider reads the classifier's output, so it is fitted on the classifier's predictions for
 * questions the classifier did not see (each set classified by a classifier fitted without it):
 * at run time the classifier meets unseen questions too. The base decider, for facts the
 * classifier was never fitted on (a new article), is fitted without the classifier.
 *
 *   npm run fit:decider            # fit, cross-validate, write classifier.json and decider.json
 *   npm run fit:decider -- --dry   # cross-validate only
 *   npm run fit:decider -- --logistic   # the logistic decider instead of boosted trees, to compare
 *   npm run fit:decider -- --cache=DIR  # keep each fold's classifier in DIR, keyed by what it was fitted on
 *   npm run fit:decider -- --rounds=400 --depth=3 --min-leaf=40   # the forest's options (defaults: forest.ts)
 *   npm run fit:decider -- --folds=200  # one out-of-fold classifier per set (default: 20 groups of sets)
 *   npm run fit:decider -- --blend=0.3  # how far the classifier re-orders the index's ranking (default: softmax.ts)
 *   npm run fit:decider -- --l2=1e-4    # the classifier's L2 penalty (default 1e-5)
 *   npm run fit:decider -- --prune=0.05 # drop the written classifier's weights below this (default 0.15; the folds keep 0.05)
 *   npm run fit:decider -- --threshold=out-of-fold  # pick answer thresholds on out-of-fold scores (default: in-sample)
 *
 * Fitting the fold classifiers is most of a run (about 30 s each on 160 sets). They depend only on
 * the analysed terms and labels of the questions they are fitted on, so with --cache a run that
 * changes the decider's features or options, and not the analyser, reuses them: minutes, not most
 * of an hour. A classifier is reused only when its inputs hash to the same key.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifierInput, NONE_CLASS, packClassifier } from '../src/knowledge/classifier.js';
import type { ClassifierModel } from '../src/knowledge/classifier.js';
import { FEATURES } from '../src/knowledge/decider.js';
import type { DeciderModel, DeciderPart } from '../src/knowledge/decider.js';
import { buildKnowledge, readKnowledgeFiles } from '../src/knowledge/index.js';
import type { Knowledge } from '../src/knowledge/index.js';
import type { Analysis } from '../src/knowledge/analyzer.js';
import { fitForest, FOREST_DEFAULTS } from './forest.js';
import { fitLogistic, pickThreshold } from './logistic.js';
import type { Example } from './logistic.js';
import { fitSoftmax, pruneClassifier } from './softmax.js';
import type { SoftmaxOptions } from './softmax.js';
import { heldOutSets } from '../test/helpers/held-out.js';

/** The value of `--name=value` on the command line; undefined when it is not given. */
function optionValue(name: string): string | undefined {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

/**
 * `--name=x` as a number of at least `min` and at most `max` (and whole, when `whole`); `fallback`
 * when it is not given. A value out of range fails with the value as given.
 */
function numberOption<T extends number | undefined>(name: string, fallback: T, { min = -Infinity, max = Infinity, whole = false } = {}): number | T {
  const raw = optionValue(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (whole && !Number.isInteger(n))) {
    const kind = whole ? 'a whole number' : 'a number';
    const range = max < Infinity ? `from ${min} to ${max}` : min === Number.MIN_VALUE ? 'above 0' : `of at least ${min}`;
    throw new Error(`--${name} takes ${kind} ${range}, not "${raw}"`);
  }
  return n;
}
/** The smallest positive number: `min` for options that must be above zero. */
const POSITIVE = Number.MIN_VALUE;

const FIXTURES = new URL('../test/fixtures/', import.meta.url);
const DECIDER = new URL('../src/knowledge/decider.json', import.meta.url);
const CLASSIFIER = new URL('../src/knowledge/classifier.json', import.meta.url);
/** A wrong answer costs users more than a decline that offers the right fact: this many times more. */
const WRONG_COST = Number(optionValue('cost') ?? 2);
/** Below the answer threshold, a probability this high still offers the nearest facts. */
const OFFER_AT = 0.15;
/**
 * Blind sets scored once with the final fit and never tuned on (test/fixtures/held-out.json): kept
 * out of fitting so their figures stay an honest estimate of wording nobody has tried (README,
 * "Answer quality"). `--hold=FILE` holds out more.
 */
const HELD_OUT = new Set([...heldOutSets(), ...process.argv.filter((a) => a.startsWith('--hold=')).map((a) => a.slice(7))]);

interface Question {
  q: string;
  kind: 'answerable' | 'offtopic' | 'unanswerable';
  expect: string[];
}
type Labelled = Example & { kind: Question['kind']; q: string };
type Engine = { evaluate(m: string): Array<{ features: Record<string, number> | null; ranking: { ranked: Array<{ doc: { fact: { id: string } } }>; stats: { analysis: Analysis } } }> };

const files = readdirSync(FIXTURES).filter((f) => /^questions\..+\.jsonl$/.test(f) && !HELD_OUT.has(f)).sort();
const bundled = readKnowledgeFiles();
const base = buildKnowledge({ ...bundled, classifier: undefined });
const factIds = base.facts.map((f) => f.id);
const quoteOf = new Map(factIds.map((id) => [id, base.engine.answerFact(id)?.quotes[0]?.text ?? '']));

function questionsOf(file: string): Question[] {
  // A set's near copies of curated questions live in training/: still labelled data, never a test.
  const moved = new URL(`training/${file}`, FIXTURES);
  const text = readFileSync(new URL(file, FIXTURES), 'utf8') + (existsSync(moved) ? readFileSync(moved, 'utf8') : '');
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Question);
}
const questions = new Map(files.map((f) => [f, questionsOf(f)]));

/** The facts whose first quote holds an expected passage: the classes a question belongs to. */
const classesOf = (q: Question) => (q.kind === 'answerable' ? factIds.filter((id) => q.expect.some((e) => quoteOf.get(id)?.includes(e))) : [NONE_CLASS]);
const engineOf = (k: Knowledge) => k.engine as unknown as Engine;
/** The terms the engine analyses a question into: the classifier's input. */
const index = (base.engine as unknown as { index: { isKnown(t: string): boolean } }).index;
const termsOf = (q: Question) => {
  const analysis = engineOf(base).evaluate(q.q)[0]?.ranking.stats.analysis;
  return analysis ? classifierInput(analysis, (t) => index.isKnown(t)) : [];
};
const labelled = new Map([...questions].map(([f, qs]) => [f, qs.map((q) => ({ terms: termsOf(q), classes: classesOf(q) }))]));
/** The curator's own questions are labelled examples too, in every fold: each fact has some. */
const curated = base.facts.flatMap((f) => f.questions.map((q) => ({ terms: termsOf({ q, kind: 'answerable', expect: [] }), classes: [f.id] })));
const CACHE = optionValue('cache');
/**
 * `--blend=x`: how far the classifier re-orders the index's ranking (the model's `blend`), to compare
 * by cross-validation. It is read at run time, not fitted, so cached fold classifiers serve any value.
 */
const BLEND = numberOption('blend', undefined, { min: 0, max: 10 });
const blendOf = (model: ClassifierModel): ClassifierModel => (BLEND === undefined ? model : { ...model, blend: BLEND });
/**
 * `--l2=x`: the classifier's L2 penalty, to compare by cross-validation. 1e-5 since stop 28: chosen
 * by CV over 1e-3, 1e-4 (softmax.ts's default, shipped before), 1e-5 and 1e-6, and then by a rule on
 * held-out sets (README, "Answer quality").
 */
const SOFTMAX: SoftmaxOptions = { l2: numberOption('l2', 1e-5, { min: POSITIVE }) };
/**
 * `--prune=x`: the written classifier without its weights below x in magnitude (the folds keep the
 * fit's 0.05). At L2 1e-5 the fit keeps 67,000 weights, twice as many as at 1e-4, and the cold
 * build went over its 50 ms; above 0.15 it keeps 32,000 (README, "Answer quality").
 */
const PRUNE = numberOption('prune', 0.15, { min: POSITIVE });
const fittedOn = (sets: readonly string[]): ClassifierModel => {
  const examples = [...curated, ...sets.flatMap((f) => labelled.get(f) ?? [])];
  const classes = [...factIds, NONE_CLASS];
  if (CACHE === undefined) return fitSoftmax(examples, classes, SOFTMAX);
  const key = createHash('sha256').update(JSON.stringify({ examples, classes, options: SOFTMAX })).digest('hex').slice(0, 32);
  const file = join(CACHE, `classifier-${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ClassifierModel;
  const model = fitSoftmax(examples, classes, SOFTMAX);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(model));
  return model;
};
const classifierOn = (sets: readonly string[]): ClassifierModel => blendOf(fittedOn(sets));

/** `--without=a,b`: a decider without those features, to measure what each adds by cross-validation. */
const WITHOUT = new Set(optionValue('without')?.split(',') ?? []);
for (const name of WITHOUT) if (!(FEATURES as readonly string[]).includes(name)) throw new Error(`--without names no feature "${name}"`);
const USED = FEATURES.filter((name) => !WITHOUT.has(name));
/** `--classified-only`: cross-validate the classified decider alone (a dry run's comparison, half the time). */
const CLASSIFIED_ONLY = process.argv.includes('--classified-only');
if (CLASSIFIED_ONLY && !process.argv.includes('--dry')) throw new Error('--classified-only fits no base decider: use it with --dry');

/** Each question's first asking clause as an example; label 1 when its best fact quotes an expected sentence. */
function examplesOf(knowledge: Knowledge, qs: readonly Question[]): Labelled[] {
  return qs.map((q) => {
    const first = engineOf(knowledge).evaluate(q.q)[0];
    const best = first?.ranking.ranked[0];
    const x = USED.map((name) => first?.features?.[name] ?? 0);
    const quote = best ? (quoteOf.get(best.doc.fact.id) ?? '') : '';
    const right = q.kind === 'answerable' && q.expect.some((e) => quote.includes(e));
    return { x, y: right ? 1 : 0, matched: first?.features != null, kind: q.kind, q: q.q };
  });
}

const withClassifier = (model: ClassifierModel) => buildKnowledge({ ...bundled, classifier: model });
const baseExamples = new Map(files.map((f) => [f, examplesOf(base, questions.get(f) ?? [])]));
/**
 * Each set's out-of-fold classifier is fitted without the group of sets it falls in (K groups,
 * round-robin in name order) rather than without that set alone: K fits instead of one per set,
 * half an hour rather than most of two on 160 sets. Leaving more out only makes the decider's
 * training features more conservative, never leaked. `--folds=K` sets K; K at least the number of
 * sets gives one classifier per set, as before stop 26.
 */
const FOLDS = numberOption('folds', 20, { min: 2, whole: true });
const groups = Math.min(FOLDS, files.length);
const groupOf = (i: number) => i % groups;
/** For each group, the sets its out-of-fold classifier is fitted on: every other group's. */
const outOfFold = Array.from({ length: groups }, (_, k) => files.filter((_f, i) => groupOf(i) !== k));
console.log(`fitting ${groups} classifiers, each without one of ${groups} groups of sets…`);
const foldKnowledge = outOfFold.map((sets) => withClassifier(classifierOn(sets)));
const classifiedExamples = new Map(files.map((f, i) => [f, examplesOf(foldKnowledge[groupOf(i)] as Knowledge, questions.get(f) ?? [])]));

const pct = (a: number, b: number) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const round = (x: number) => Math.round(x * 1e4) / 1e4;
/** `--logistic`: the earlier logistic decider instead of boosted trees, for comparison. */
const LOGISTIC = process.argv.includes('--logistic');
/** `--rounds=`, `--depth=`, `--min-leaf=`: the forest's options, for comparing them by cross-validation. */
const numberArg = (name: string, fallback: number) => numberOption(name, fallback, { min: 1, whole: true });
const FOREST = { ...FOREST_DEFAULTS, rounds: numberArg('rounds', FOREST_DEFAULTS.rounds), depth: numberArg('depth', FOREST_DEFAULTS.depth), minLeaf: numberArg('min-leaf', FOREST_DEFAULTS.minLeaf) };
interface Fitted {
  predict(x: readonly number[]): number;
  /** The model as decider.json holds it, answering at `at`. */
  part(at: number): DeciderPart;
}
function fitModel(examples: readonly Labelled[]): Fitted {
  const thresholds = (at: number) => ({ features: [...USED], answerAt: round(at), offerAt: Math.min(OFFER_AT, round(at)) });
  if (LOGISTIC) {
    const m = fitLogistic(examples);
    return { predict: m.predict, part: (at) => ({ ...thresholds(at), weights: m.weights.map(round), bias: round(m.bias) }) };
  }
  const f = fitForest(examples, FOREST);
  return { predict: f.predict, part: (at) => ({ ...thresholds(at), trees: f.forest }) };
}
const fitDecider = (examples: readonly Labelled[]) => {
  const model = fitModel(examples);
  return { model, at: pickThreshold(examples.map((e) => ({ p: model.predict(e.x), y: e.y, matched: e.matched })), WRONG_COST) };
};

/** `--dump=FILE`: each question's held-out outcome, one JSON line, for reading what the decider declines. */
const DUMP = optionValue('dump');
const dumped: string[] = [];

/**
 * Where each decider's answer threshold is picked: on the decider's own scores of its training
 * questions (`in-sample`, the default), or on out-of-fold scores, each training question scored by
 * a decider fitted without its set (`--threshold=out-of-fold`). Boosted trees score their training
 * questions more confidently than unseen ones, so out-of-fold looked the better choice; measured in
 * stop 30 it was not: cross-validated classified utility 14,264 against 14,269 (base 10,858 against
 * about 10,900), and +2 over 32 held-out sets where +16 was asked (README, "Answer quality").
 * Out-of-fold scores pool 160 fold models, each calibrated a little differently.
 */
const THRESHOLD = optionValue('threshold') ?? 'in-sample';
if (THRESHOLD !== 'out-of-fold' && THRESHOLD !== 'in-sample') throw new Error(`--threshold takes out-of-fold or in-sample, not "${THRESHOLD}"`);

/**
 * Leave-one-set-out cross-validation: prints each set's held-out figures and returns them with,
 * under `--threshold=out-of-fold`, the out-of-fold threshold for a model fitted on every set. Each set's own threshold is picked on the
 * other sets' out-of-fold predictions (or on its model's in-sample ones); those predictions come
 * from models that saw the set, a slight leak into one number, never into the scores themselves.
 */
function crossValidate(title: string, sets: ReadonlyMap<string, Labelled[]>) {
  console.log(`\n${title}: leave-one-set-out cross-validation (wrong answer cost ${WRONG_COST}, threshold ${THRESHOLD})`);
  const outOfFold = new Map<string, { p: number[]; inSample: number }>();
  for (const [file, test] of sets) {
    const { model, at } = fitDecider([...sets].filter(([f]) => f !== file).flatMap(([, e]) => e));
    outOfFold.set(file, { p: test.map((e) => model.predict(e.x)), inSample: at });
  }
  const scoredWithout = (left?: string) =>
    [...sets].filter(([f]) => f !== left).flatMap(([f, examples]) => examples.map((e, i) => ({ p: outOfFold.get(f)?.p[i] ?? 0, y: e.y, matched: e.matched })));
  console.log('set                                 top quote   off-topic  unanswerable  precision');
  const totals = { right: 0, answerable: 0, given: 0 };
  for (const [file, test] of sets) {
    const fold = outOfFold.get(file) ?? { p: [], inSample: 1 };
    const at = THRESHOLD === 'in-sample' ? fold.inSample : pickThreshold(scoredWithout(file), WRONG_COST);
    const count = { answerable: 0, offtopic: 0, unanswerable: 0 };
    const declined = { offtopic: 0, unanswerable: 0 };
    let right = 0;
    let given = 0;
    test.forEach((e, i) => {
      const p = fold.p[i] ?? 0;
      count[e.kind]++;
      const answers = e.matched && p >= at;
      given += Number(answers);
      right += Number(answers && e.y === 1);
      if (!answers && e.kind !== 'answerable') declined[e.kind]++;
      if (DUMP !== undefined) dumped.push(JSON.stringify({ model: title, set: file, q: e.q, kind: e.kind, right: e.y, p: round(p), at: round(at), matched: e.matched, answers }));
    });
    totals.right += right;
    totals.answerable += count.answerable;
    totals.given += given;
    console.log(`${file.padEnd(36)}${pct(right, count.answerable)}    ${pct(declined.offtopic, count.offtopic)}    ${pct(declined.unanswerable, count.unanswerable)}      ${pct(right, given)}`);
  }
  console.log(`${'all (pooled)'.padEnd(36)}${pct(totals.right, totals.answerable)}                             ${pct(totals.right, totals.given)}`);
  const wrong = totals.given - totals.right;
  console.log(`pooled: ${totals.right} right, ${wrong} wrong, utility (right − ${WRONG_COST} × wrong) ${totals.right - WRONG_COST * wrong}`);
  const figures = { topQuote: +(totals.right / totals.answerable).toFixed(3), precision: +(totals.right / totals.given).toFixed(3) };
  return { figures, outOfFoldAt: THRESHOLD === 'out-of-fold' ? pickThreshold(scoredWithout(), WRONG_COST) : undefined };
}

const cvBase = CLASSIFIED_ONLY ? null : crossValidate('index only (base decider)', baseExamples);
const cvClassified = crossValidate('index and classifier (classified decider)', classifiedExamples);
/** The decider written: fitted on every set, answering at the threshold `--threshold` picks. */
function finalDecider(examples: readonly Labelled[], cv: ReturnType<typeof crossValidate> | null): DeciderPart {
  const { model, at } = fitDecider(examples);
  return model.part(cv?.outOfFoldAt ?? at);
}

if (DUMP !== undefined) writeFileSync(DUMP, `${dumped.join('\n')}\n`);

const classifier: ClassifierModel = {
  ...pruneClassifier(classifierOn(files), PRUNE),
  fitted: {
    by: `scripts/fit-decider.ts (softmax regression over analysed terms, Adam, L2 ${SOFTMAX.l2?.toExponential()}, weights below ${PRUNE} pruned after the fit)`,
    sets: files,
    crossValidated: cvClassified.figures,
  },
};
const decider: DeciderModel = {
  ...finalDecider([...baseExamples.values()].flat(), cvBase),
  classified: finalDecider([...classifiedExamples.values()].flat(), cvClassified),
  fitted: {
    by: LOGISTIC ? 'scripts/fit-decider.ts (logistic regression, L2, on standardised features)' : `scripts/fit-decider.ts (gradient-boosted trees: ${FOREST.rounds} rounds, depth ${FOREST.depth}, rate ${FOREST.rate}, at least ${FOREST.minLeaf} questions a leaf)`,
    sets: files,
    wrongAnswerCost: WRONG_COST,
    threshold: THRESHOLD,
    crossValidated: { base: cvBase?.figures ?? null, classified: cvClassified.figures },
  },
};
if (!process.argv.includes('--dry')) {
  writeFileSync(DECIDER, `${JSON.stringify(decider)}\n`);
  writeFileSync(CLASSIFIER, `${JSON.stringify(packClassifier(classifier))}\n`);
  console.log(`wrote ${DECIDER.pathname}: answer at p ≥ ${decider.answerAt} (classified: ${decider.classified?.answerAt})`);
  console.log(`wrote ${CLASSIFIER.pathname}: ${classifier.terms.length} terms, ${classifier.weights.length} weights`);
  console.log('next: npm run build:index (prebuilt.json records the models\' digest; until then a start-up checks them in full)');
}
