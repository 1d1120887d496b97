import { z } from 'zod';
import type { FactIndex, Ranking, Scored } from './fact-index.js';

/**
 * Whether to answer is decided by a logistic model over a handful of features of the ranking,
 * fitted on labelled questions (`npm run fit:decider`, leave-one-set-out cross-validated), not
 * by hand-tuned constants. Each feature is evidence about whether the best fact answers what
 * was asked: how much of the question it covers, whether it concerns the question's subject
 * (the names it asks about) and its predicate (what it asks about them), and how clearly it
 * beats the runner-up.
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
] as const;

export type FeatureVector = Readonly<Record<(typeof FEATURES)[number], number>>;

export const deciderSchema = z.strictObject({
  features: z.array(z.enum(FEATURES)),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Probability at or above which the best fact is answered. */
  answerAt: z.number().min(0).max(1),
  /** Probability at or above which the nearest facts are offered as "did you mean". */
  offerAt: z.number().min(0).max(1),
  /** How the model was fitted and what cross-validation measured: documentation, not input. */
  fitted: z.record(z.string(), z.unknown()).optional(),
});

export type DeciderModel = z.infer<typeof deciderSchema>;

/** The evidence a ranking gives for its best fact; null when nothing matched at all. */
export function featuresOf(ranking: Ranking, index: FactIndex): FeatureVector | null {
  const best = ranking.ranked[0];
  if (!best) return null;
  const { stats } = ranking;
  const second: Scored | undefined = ranking.ranked[1];
  let entityMiss = 0;
  let predicateMass = 0;
  let predicateMatched = 0;
  let contextMass = 0;
  let unmatched = 0;
  for (const [term, m] of stats.termMass) {
    const inFact = best.doc.terms.has(term);
    if (!inFact && m >= index.idf(term) * 0.99) unmatched++;
    if (index.entities.has(term)) {
      if (!inFact) entityMiss += m;
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
    const total = [...q.terms].reduce((sum, t) => sum + index.idf(t), 0);
    const shared = [...q.terms].reduce((sum, t) => sum + (asked.has(t) ? index.idf(t) : 0), 0);
    if (total > 0) questionRecall = Math.max(questionRecall, shared / total);
  }
  // Facts quoting the same first sentence make a close runner-up harmless: the quote is the same.
  const lead = best.doc.fact.sentences[0];
  const top = ranking.ranked.slice(0, 3);
  const sameQuote = top.filter((s) => s.doc.fact.source === best.doc.fact.source && s.doc.fact.sentences[0] === lead).length;
  return {
    coverage: best.coverage,
    similarity: best.similarity,
    margin: best.score - (second?.score ?? 0),
    unknownName: stats.unknownNameMass / mass,
    unknownWord: stats.unknownWordMass / mass,
    entityMiss: entityMiss / mass,
    predicateCoverage: predicateMass > 0 ? predicateMatched / predicateMass : 1,
    intentMiss: intents.some((i) => i !== 'yesno' && !best.doc.intents.has(i)) ? 1 : 0,
    yesno: intents.includes('yesno') ? 1 : 0,
    terms: Math.log1p(stats.termMass.size),
    context: contextMass / mass,
    unmatched,
    questionRecall,
    quoteAgreement: sameQuote / top.length,
  };
}

/** The model's probability that the best fact answers the question. */
export function probability(model: DeciderModel, x: FeatureVector): number {
  let z = model.bias;
  model.features.forEach((name, i) => {
    z += (model.weights[i] ?? 0) * x[name];
  });
  return 1 / (1 + Math.exp(-z));
}
