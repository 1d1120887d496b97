import { z } from 'zod';
import { finiteNumbers, strings, wholeNumbersFrom } from './schema.js';
import { packedOr, packInts, unpackedColumn } from './packed.js';
import type { Analysis } from './analyzer.js';
import { byScoreThenId, type FactDoc, type Ranking, type Scored } from './fact-index.js';

/**
 * A question classifier: multinomial logistic regression from a question's analysed terms to the
 * fact that answers it, or to "none" for questions the article does not answer. It is fitted on
 * the labelled question sets (`npm run fit:decider`, which cross-validates it set by set), so it
 * learns how people actually word each fact ("headcount" for a population, "wish list" for a
 * demand) where the curated questions and the lexicon do not reach. It is one signal among
 * several: it re-weights the index's ranking and feeds the decider, and it is silent about facts
 * it was never fitted on (a new article), which keep the index's ranking and the base decider.
 */

/** The class of questions the article does not answer (off-topic or unanswerable). */
export const NONE_CLASS = '(none)';

const counts = wholeNumbersFrom(0);
/** The classifier's weights are fitted to four decimals and packed as whole multiples of this. */
export const WEIGHT_SCALE = 1e4;

/**
 * Columnar, so a model of thousands of terms validates in a few milliseconds: term i owns the next
 * `counts[i]` entries of `targets` (class indices) and `weights`; weights too small to matter are
 * left out.
 */
export const classifierSchema = z
  .strictObject({
    /** Fact ids, plus NONE_CLASS. */
    classes: z.array(z.string().min(1)).min(2),
    bias: finiteNumbers,
    terms: strings,
    counts: packedOr(counts, { min: 0 }),
    targets: packedOr(counts, { min: 0 }),
    /** Packed (packed.ts) as whole ten-thousandths: the fit keeps four decimals. */
    weights: packedOr(finiteNumbers, { scale: WEIGHT_SCALE }),
    /** How much the classifier's log-lift moves the index's score (normalised to the best fact's). */
    blend: z.number().min(0).max(10),
    /** How the model was fitted and what cross-validation measured: documentation, not input. */
    fitted: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((m) => m.bias.length === m.classes.length, { message: 'bias needs one entry per class' })
  .refine((m) => m.counts.length === m.terms.length, { message: 'counts needs one entry per term' })
  .refine((m) => m.targets.length === m.weights.length && m.counts.reduce((a, b) => a + b, 0) === m.weights.length, {
    message: 'counts, targets and weights disagree',
  })
  .refine((m) => m.targets.every((c) => c < m.classes.length), { message: 'a weight names a class that does not exist' });

export type ClassifierModel = z.infer<typeof classifierSchema>;

/**
 * classifier.json as its schema reads it, for a file that passed the schema when prebuilt.json
 * recorded its digest (prebuilt.ts, `models`): the packed columns unpacked, nothing checked again.
 */
export function checkedClassifier(raw: unknown): ClassifierModel {
  const model = raw as Omit<ClassifierModel, Packed> & Record<Packed, string | number[]>;
  return { ...model, counts: unpackedColumn(model.counts), targets: unpackedColumn(model.targets), weights: unpackedColumn(model.weights, WEIGHT_SCALE) };
}
type Packed = 'counts' | 'targets' | 'weights';

/** The model as classifier.json holds it: its long columns packed, so a cold start parses strings, not 130,000 numbers. */
export function packClassifier(model: ClassifierModel): Omit<ClassifierModel, 'counts' | 'targets' | 'weights'> & Record<'counts' | 'targets' | 'weights', string> {
  const weights = model.weights.map((w) => {
    const k = Math.round(w * WEIGHT_SCALE);
    // A fit that kept more decimals would lose them here without a word: say so instead.
    if (k / WEIGHT_SCALE !== w) throw new RangeError(`cannot pack the weight ${w}: not a whole multiple of 1/${WEIGHT_SCALE}`);
    return k;
  });
  return { ...model, counts: packInts(model.counts), targets: packInts(model.targets), weights: packInts(weights) };
}

/** The part of an analysis the classifier reads. */
export type ClassifierAnalysis = Pick<Analysis, 'terms' | 'intents' | 'names' | 'foreign'>;

/**
 * What the classifier reads of a question, as the model file names it: its analysed terms, each
 * pair of neighbouring terms ("wish_list": terms are runs of letters and digits, never "_"), what
 * it asks ("?count", "?say") and marks for words the fact base lacks. Fitting reads this;
 * `classifyAnalysis` reads the same without building the strings.
 */
export function classifierInput(analysis: ClassifierAnalysis, isKnown: (term: string) => boolean): string[] {
  const pairs = analysis.terms.slice(1).map((t, i) => `${analysis.terms[i]}_${t}`);
  return [...analysis.terms, ...pairs, ...analysis.intents.map((i) => `?${i}`), ...unknownMarks(analysis, isKnown)];
}

/** Words the fact base lacks, as a count: their meaning is unknown, but how many there are is evidence. */
function unknownMarks(analysis: ClassifierAnalysis, isKnown: (term: string) => boolean): readonly string[] {
  let unknown = 0;
  let names = 0;
  for (const t of analysis.terms) {
    if (isKnown(t)) continue;
    unknown++;
    if (analysis.names.has(t) || analysis.foreign.has(t)) names++;
  }
  return unknown === 0 && names === 0 ? NO_MARKS : [...(unknown > 0 ? ['!unknown'] : []), ...(unknown > 1 ? ['!unknown2'] : []), ...(names > 0 ? ['!name'] : [])];
}
const NO_MARKS: readonly string[] = [];

/** What the classifier makes of one question. */
export interface Classification {
  /** P(this fact answers it), for facts the classifier was fitted on; undefined for others. */
  probability(factId: string): number | undefined;
  /** P(the article does not answer it). */
  readonly none: number;
  /** The largest P(fact) over every fact it knows: how sure it is of its own favourite. */
  readonly favourite: number;
  /** Facts it finds likely enough to consider even when the index matched none of their terms. */
  readonly proposed: readonly string[];
}

/** The floor under a probability before its logarithm: no single signal may veto a fact outright. */
const FLOOR = 1e-4;
/** Facts the classifier favours this much are considered even when the index matched none of their terms. */
const PROPOSE_AT = 0.2;
/**
 * Only the index's best facts are re-weighted (and those the classifier proposes): its lift is at
 * most blend × log(facts), about half a best score, so a fact further down rarely could climb to
 * the top, and each candidate re-weighted costs time on every question.
 */
const RERANKED = 10;

export class QuestionClassifier {
  private readonly classes: readonly string[];
  private readonly classOf: ReadonlyMap<string, number>;
  private readonly noneClass: number;
  private readonly factClasses: number;
  /** A plain array, copied for each question: allocating a typed array costs ~0.7 µs, copying this ~0.05. */
  private readonly bias: readonly number[];
  /** Term i's weights are targets/weights[starts[i], starts[i + 1]): one typed array each, not a pair per term. */
  private readonly targets: Int32Array;
  private readonly weights: Float64Array;
  private readonly starts: Uint32Array;
  private readonly rows: ReadonlyMap<string, number>;
  readonly blendWeight: number;

  constructor(model: ClassifierModel) {
    this.classes = model.classes;
    this.classOf = new Map(model.classes.map((id, c) => [id, c]));
    this.noneClass = model.classes.indexOf(NONE_CLASS);
    this.factClasses = model.classes.length - (this.noneClass >= 0 ? 1 : 0);
    this.bias = [...model.bias];
    this.targets = Int32Array.from(model.targets);
    this.weights = Float64Array.from(model.weights);
    const starts = new Uint32Array(model.terms.length + 1);
    const rows = new Map<string, number>();
    for (let i = 0; i < model.terms.length; i++) {
      const term = model.terms[i] as string;
      starts[i + 1] = (starts[i] as number) + (model.counts[i] as number);
      rows.set(term, i);
    }
    this.starts = starts;
    this.rows = rows;
    this.blendWeight = model.blend;
  }

  /** Classifies a question given as the model file names its inputs (`classifierInput`). */
  classify(input: readonly string[]): Classification {
    const z = this.bias.slice();
    for (let i = 0; i < input.length; i++) {
      // A repeated input counts once, as in fitting.
      if (input.indexOf(input[i] as string) === i) this.add(z, this.rows.get(input[i] as string));
    }
    return this.finish(z);
  }

  /** The same as `classify(classifierInput(analysis, isKnown))`, without building its strings. */
  classifyAnalysis(analysis: ClassifierAnalysis, isKnown: (term: string) => boolean): Classification {
    const z = this.bias.slice();
    const { terms } = analysis;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i] as string;
      if (terms.indexOf(term) === i) this.add(z, this.rows.get(term));
      // The pair's row by its name, "a_b" (terms never hold "_"). A map of pairs by first term
      // spared this string per pair and question, but splitting 5,800 pair names to build it was
      // ~4 ms of a cold build, for well under a microsecond a question.
      if (i > 0 && !repeatsPair(terms, i)) this.add(z, this.rows.get(`${terms[i - 1] as string}_${term}`));
    }
    for (const intent of analysis.intents) this.add(z, this.rows.get(`?${intent}`));
    for (const mark of unknownMarks(analysis, isKnown)) this.add(z, this.rows.get(mark));
    return this.finish(z);
  }

  /** Adds term `row`'s weights (none when the model lacks the term) to the class scores. */
  private add(z: number[], row: number | undefined): void {
    if (row === undefined) return;
    const { targets, weights } = this;
    for (let j = this.starts[row] as number, end = this.starts[row + 1] as number; j < end; j++) {
      const c = targets[j] as number;
      z[c] = (z[c] as number) + (weights[j] as number);
    }
  }

  private finish(z: number[]): Classification {
    let max = -Infinity;
    for (let c = 0; c < z.length; c++) max = Math.max(max, z[c] as number);
    let sum = 0;
    for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp((z[c] as number) - max);
    const proposed: string[] = [];
    let favourite = 0;
    for (let c = 0; c < z.length; c++) {
      z[c] = (z[c] as number) / sum;
      if (c === this.noneClass) continue;
      if ((z[c] as number) >= PROPOSE_AT) proposed.push(this.classes[c] as string);
      favourite = Math.max(favourite, z[c] as number);
    }
    const { classOf, noneClass } = this;
    return {
      probability: (id) => {
        const c = classOf.get(id);
        return c === undefined || c === noneClass ? undefined : z[c];
      },
      none: noneClass >= 0 ? (z[noneClass] as number) : 0,
      favourite,
      proposed,
    };
  }

  /**
   * The index's ranking re-ordered by the classifier: each fact's score, as a share of the best
   * one's, plus `blend` × the log of how much likelier than chance the classifier finds it. Facts
   * the classifier does not know keep their share unchanged.
   */
  rerank(ranking: Ranking, classification: Classification, docOf: (factId: string) => FactDoc | undefined): Ranking {
    const top = ranking.ranked[0]?.score ?? 0;
    if (ranking.ranked.length === 0) return ranking;
    const candidates: Scored[] = ranking.ranked.slice(0, RERANKED);
    for (const id of classification.proposed) {
      const doc = docOf(id);
      if (doc && !candidates.some((s) => s.doc === doc)) candidates.push({ doc, coverage: 0, similarity: 0, score: 0 });
    }
    const blended = candidates.map((s) => {
      const p = classification.probability(s.doc.fact.id);
      const lift = p === undefined ? 0 : this.blendWeight * Math.log(Math.max(p, FLOOR) * this.factClasses);
      return { ...s, score: (top > 0 ? s.score / top : 0) + lift };
    });
    blended.sort(byScoreThenId);
    return { ranked: blended, stats: ranking.stats };
  }
}

/** Whether the pair of terms ending at i occurred earlier in the list (it then counts once). */
function repeatsPair(terms: readonly string[], i: number): boolean {
  for (let j = 1; j < i; j++) if (terms[j] === terms[i] && terms[j - 1] === terms[i - 1]) return true;
  return false;
}
