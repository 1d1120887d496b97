import { z } from 'zod';
import type { Classification } from './classifier.js';
import type { FactIndex, Ranking, Scored } from './fact-index.js';
import { numberValue } from './agreement.js';
import { forestLogOdds, forestSchema } from './forest.js';

/**
 * Whether to answer is decided by a model over a handful of features of the ranking (boosted
 * trees, forest.ts; a logistic model is still accepted), fitted on labelled questions
 * (`npm run fit:decider`, leave-one-set-out cross-validated), not by hand-tuned constants. Each
 * feature is evidence about whether the best fact answers what was asked: how much of the
 * question it covers, whether it concerns the question's subject (the names it asks about) and
 * its predicate (what it asks about them), and how clearly it beats the runner-up.
 */
export const FEATURES = [
  'coverage',
  'similarity',
  'margin',
  'unknownName',
  'unknownWord',
  'entityMiss',
  'predicateCoverage',
  'intentMiss',
  'yesno',
  'terms',
  'context',
  'unmatched',
  'questionRecall',
  'quoteAgreement',
  'typeMiss',
  'checkEntityMiss',
  'checkUnknown',
  // A number the question gives that the fact lacks: a detail the article may not have ("the 4th
  // round"), or, in a check ("only 2 rounds so far right?"), a premise the fact corrects.
  'numberMiss',
  // The question asks to identify what the fact mentions only indefinitely (identify.ts).
  'unnamed',
  // The question classifier's view (classifier.ts): zero without one.
  'classifierBest',
  'classifierLog',
  'classifierNone',
  // How much of what the best fact matched the question reached only through another word ("title"
  // → headline): everyday words aliased to the article's terms are weaker evidence than its own.
  'derivedMatch',
  // Long messages read differently: measured out of fold, a long message's best fact at a given
  // probability was right more often than a short one's. The words of the clause (as analysed:
  // without a reporter, as a membership question) and of its context.
  'words',
  // Whether the best fact is the classifier's own favourite (its probability over the largest),
  // and the probability of the best fact's quote (summed over the facts that quote it first): in a
  // long message the classifier's mass spreads, so the absolute probability alone reads as doubt.
  'classifierShare',
  'classifierQuote',
] as const;

export type FeatureVector = Readonly<Record<(typeof FEATURES)[number], number>>;

const shared = {
  features: z.array(z.enum(FEATURES)),
  /** Probability at or above which the best fact is answered. */
  answerAt: z.number().min(0).max(1),
  /** Probability at or above which the nearest facts are offered as "did you mean". */
  offerAt: z.number().min(0).max(1),
  /** How the model was fitted and what cross-validation measured: documentation, not input. */
  fitted: z.record(z.string(), z.unknown()).optional(),
};
/** A logistic model: one weight per feature. */
const logisticShape = { ...shared, weights: z.array(z.number()), bias: z.number() };
/** Boosted trees over the features (forest.ts). */
const treesShape = { ...shared, trees: forestSchema };
const splitsKnown = [(m: { features: readonly string[]; trees: { feature: readonly number[] } }) => m.trees.feature.every((f) => f < m.features.length), { message: 'a tree splits on a feature the model does not list' }] as const;
// Trees first: the bundled model is one, and a union stops at the first member that fits.
const modelSchema = z.union([z.strictObject(treesShape).refine(...splitsKnown), z.strictObject(logisticShape)]);
const classified = { classified: modelSchema.optional() };

/**
 * The base model reads the index's evidence only; `classified`, when present, also reads the
 * question classifier's, and decides for facts the classifier was fitted on. A union of whole
 * objects rather than an intersection: zod merges an intersection's two results value by value,
 * which over the forest's arrays was most of this file's validation time.
 */
export const deciderSchema = z.union([z.strictObject({ ...treesShape, ...classified }).refine(...splitsKnown), z.strictObject({ ...logisticShape, ...classified })]);

export type DeciderModel = z.infer<typeof deciderSchema>;

/** The field weight of a fact's answer: a term at least this heavy is what the fact is about. */
const ABOUT_WEIGHT = 0.75;

/** What kind of thing each wh-word asks for, and how to see it in a fact's answer. */
const ANSWER_TYPES: ReadonlyMap<string, RegExp> = new Map([
  ['count', /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion|several|many|few)\b/i],
  ['when', /\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|since|year|month|week|day|today|yesterday)\b/i],
  ['duration', /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|hour)s?\b/i],
  // A capital inside the answer (a name), or a word naming people or bodies. No /i flag: with it,
  // \p{Lu} would match any letter.
  ['who', /(?<=\S\s+)\p{Lu}|\b(?:[Gg]roups?|countries|states|parties|officials|opposition|regime|rebels|authorities|envoy|president)\b/u],
  ['where', /\b(?:[Ii]n|[Aa]t|[Nn]ear)\s+\p{Lu}|\bprovince\b|\bcentral\b/u],
]);

/**
 * Whether each answer holds each kind of thing, by answer: answers come from the fact base, so this
 * stays small, and testing the patterns (one has a lookbehind) on every question was ~3% of its time.
 */
const ANSWER_HOLDS = new Map<string, Map<string, boolean>>();

/** Whether the fact's answer holds the kind of thing asked: a number for "how many", a date for "when". */
function typeMiss(intents: readonly string[], answer: string): number {
  for (const intent of intents) {
    const pattern = ANSWER_TYPES.get(intent);
    if (pattern === undefined) continue;
    let holds = ANSWER_HOLDS.get(answer);
    if (holds === undefined) ANSWER_HOLDS.set(answer, (holds = new Map()));
    let held = holds.get(intent);
    if (held === undefined) holds.set(intent, (held = pattern.test(answer)));
    if (!held) return 1;
  }
  return 0;
}

/** What the engine reads of the question's wording, beyond its terms. */
export interface QuestionCues {
  /** The question asks whether something holds (message.ts isCheck). */
  readonly check?: boolean;
  /** Terms the question asks to identify (identify.ts). */
  readonly identify?: readonly string[];
  /** How many words the clause and its context hold. */
  readonly words?: number;
}

/** The evidence a ranking gives for its best fact; null when nothing matched at all. */
export function featuresOf(ranking: Ranking, index: FactIndex, classification?: Classification, cues: QuestionCues = {}): FeatureVector | null {
  const { check = false, identify = [], words = 0 } = cues;
  const best = ranking.ranked[0];
  if (!best) return null;
  const { stats } = ranking;
  const second: Scored | undefined = ranking.ranked[1];
  let entityMiss = 0;
  let predicateMass = 0;
  let predicateMatched = 0;
  let contextMass = 0;
  let unmatched = 0;
  let matchedMass = 0;
  let derivedMass = 0;
  for (const [term, m] of stats.termMass) {
    const inFact = best.doc.terms.has(term);
    if (inFact) {
      matchedMass += m;
      // A name's other forms ("Russians", "Russian Federation") are the name itself.
      if (stats.analysis.derived.has(term) && !index.entities.has(term)) derivedMass += m;
    }
    if (!inFact && m >= index.idf(term) * 0.99) unmatched++;
    if (index.entities.has(term)) {
      // A name the fact is about appears in its answer, keywords or curated questions; one only its
      // sentence mentions ("Geneva" in the Astana start date's sentence) is not its subject.
      if ((best.doc.terms.get(term) ?? 0) < ABOUT_WEIGHT) entityMiss += m;
    } else {
      predicateMass += m;
      if (inFact) predicateMatched += m;
    }
    if (m < index.idf(term) * 0.99) contextMass += m;
  }
  const mass = stats.mass > 0 ? stats.mass : 1;
  const intents = stats.analysis.intents;
  const asked = new Set(stats.analysis.terms);
  let questionRecall = 0;
  for (const q of best.doc.questions) {
    if (q.termMass === 0) continue;
    let shared = 0;
    for (const t of q.terms) if (asked.has(t)) shared += index.idf(t);
    questionRecall = Math.max(questionRecall, shared / q.termMass);
  }
  // Facts quoting the same first sentence make a close runner-up harmless: the quote is the same.
  const lead = best.doc.fact.sentences[0];
  const quotesLead = (s: Scored) => s.doc.fact.source === best.doc.fact.source && s.doc.fact.sentences[0] === lead;
  const sameQuote = ranking.ranked.slice(0, 3).filter(quotesLead).length;
  const top = Math.min(3, ranking.ranked.length);
  const classified = classification?.probability(best.doc.fact.id);
  // What the classifier gives the best fact's quote: every ranked fact that quotes it first.
  let quoted = 0;
  if (classification !== undefined && classified !== undefined) {
    for (const s of ranking.ranked) if (quotesLead(s)) quoted += classification.probability(s.doc.fact.id) ?? 0;
  }
  const favourite = classification?.favourite ?? 0;
  return {
    coverage: best.coverage,
    similarity: best.similarity,
    margin: best.score - (second?.score ?? 0),
    unknownName: stats.unknownNameMass / mass,
    unknownWord: stats.unknownWordMass / mass,
    entityMiss: entityMiss / mass,
    predicateCoverage: predicateMass > 0 ? predicateMatched / predicateMass : 1,
    intentMiss: intents.some((i) => i !== 'yesno' && !best.doc.intents.has(i)) ? 1 : 0,
    yesno: check || intents.includes('yesno') ? 1 : 0,
    terms: Math.log1p(stats.termMass.size),
    context: contextMass / mass,
    unmatched,
    questionRecall,
    quoteAgreement: sameQuote / top,
    typeMiss: typeMiss(intents, best.doc.fact.answer),
    checkEntityMiss: check ? entityMiss / mass : 0,
    checkUnknown: check ? (stats.unknownNameMass + stats.unknownWordMass) / mass : 0,
    numberMiss: stats.analysis.terms.some((t) => numberValue(t) !== null && !best.doc.terms.has(t)) ? 1 : 0,
    unnamed: identify.some((t) => best.doc.unnamed.has(t)) ? 1 : 0,
    classifierBest: classified ?? 0,
    classifierLog: classified === undefined ? 0 : Math.log(classified + 1e-4),
    classifierNone: classified === undefined ? 0 : (classification?.none ?? 0),
    derivedMatch: matchedMass > 0 ? derivedMass / matchedMass : 0,
    words: Math.log1p(words),
    classifierShare: classified === undefined || favourite === 0 ? 0 : classified / favourite,
    classifierQuote: Math.min(1, quoted),
  };
}

/** One decider model (the base or the classified one). */
export type DeciderPart = z.infer<typeof modelSchema>;

/** The features in a forest's order, reused by every call: one small array per question was most of a question's garbage. */
const ORDERED = new Float64Array(FEATURES.length);

/** The model's probability that the best fact answers the question. */
export function probability(model: DeciderPart, x: FeatureVector): number {
  let z: number;
  if ('trees' in model) {
    const values = model.features.length <= ORDERED.length ? ORDERED : new Float64Array(model.features.length);
    for (let i = 0; i < model.features.length; i++) values[i] = x[model.features[i] as (typeof FEATURES)[number]];
    z = forestLogOdds(model.trees, values);
  } else {
    z = model.bias;
    model.features.forEach((name, i) => {
      z += (model.weights[i] ?? 0) * x[name];
    });
  }
  return 1 / (1 + Math.exp(-z));
}
