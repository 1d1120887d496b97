import { describe, expect, it } from 'vitest';
import { deciderSchema, FEATURES, probability } from '../../src/knowledge/decider.js';
import type { DeciderModel, FeatureVector } from '../../src/knowledge/decider.js';
import type { FactEngine } from '../../src/knowledge/engine.js';
import { buildKnowledge, readKnowledgeFiles, loadKnowledge } from '../../src/knowledge/index.js';

const engine = loadKnowledge().engine as FactEngine;
const features = (q: string): FeatureVector => {
  const f = engine.evaluate(q)[0]?.features;
  if (!f) throw new Error(`no features for ${q}`);
  return f;
};
const bestOf = (q: string) => engine.evaluate(q)[0]?.ranking.ranked[0]?.doc.fact.id;

describe('decider features', () => {
  it('GIVEN a name the best fact is not about THEN entityMiss counts it; the same question about the right name does not', () => {
    expect(bestOf("What's Russia's population?")).toBe('idlib-population');
    expect(features("What's Russia's population?").entityMiss).toBeGreaterThan(0.2);
    expect(features("What's Idlib's population?").entityMiss).toBe(0);
  });

  it('GIVEN a name only the fact\'s sentence mentions THEN it is not the fact\'s subject', () => {
    expect(features('when did the geneva talks first start?').entityMiss).toBeGreaterThan(0);
  });

  it('GIVEN "how many" put to a fact with no number THEN typeMiss; put to one with a number THEN not', () => {
    expect(features('How many people live in Idlib?').typeMiss).toBe(0);
    expect(features('Where are the talks held?').typeMiss).toBe(0);
    expect(features('How many people proposed the zones?').typeMiss).toBe(1);
  });

  it('GIVEN words the fact base never saw THEN they show as unknown mass, names apart from plain words', () => {
    const f = features('What did Hamlet say about the zones?');
    expect(f.unknownName).toBeGreaterThan(0);
    expect(f.unknownWord).toBe(0);
    expect(features('what are the zones for, misgivings aside').unknownWord).toBeGreaterThan(0);
  });

  it('GIVEN a yes/no check THEN yesno, and check-only features carry the check', () => {
    const check = features('so the zones last six months right?');
    expect(check.yesno).toBe(1);
    expect(features('How long do the zones last?').yesno).toBe(0);
    expect(features('How long do the zones last?').checkEntityMiss).toBe(0);
  });

  it('GIVEN a preamble THEN its words count as context', () => {
    expect(features('For my essay on Kazakhstan I need this: who are the guarantor countries?').context).toBeGreaterThan(0);
    expect(features('who are the guarantor countries?').context).toBe(0);
  });

  it('GIVEN a longer message THEN words grows with it, its context included', () => {
    const count = (q: string) => Math.round(Math.expm1(features(q).words));
    const short = count('who are the guarantor countries?');
    expect(short).toBeGreaterThanOrEqual(4);
    // The preamble's eight words are counted too.
    expect(count('For my essay on Kazakhstan I need this: who are the guarantor countries?')).toBe(short + 8);
  });

  it('GIVEN the classifier favours the best fact THEN classifierShare is one; its quote probability is at least the fact\'s own', () => {
    const f = features('How many people live in Idlib?');
    expect(f.classifierShare).toBe(1);
    expect(f.classifierQuote).toBeGreaterThanOrEqual(f.classifierBest);
    expect(f.classifierQuote).toBeLessThanOrEqual(1);
  });

  it('GIVEN no classifier THEN the classifier features are zero', () => {
    const bare = buildKnowledge({ ...readKnowledgeFiles(), classifier: undefined }).engine as FactEngine;
    const f = bare.evaluate('How many people live in Idlib?')[0]?.features;
    expect(f?.classifierShare).toBe(0);
    expect(f?.classifierQuote).toBe(0);
    expect(f?.words).toBeGreaterThan(0);
  });

  it('GIVEN every feature THEN each is a finite number in the vector', () => {
    const f = features('who are the guarantor countries?');
    for (const name of FEATURES) expect(Number.isFinite(f[name]), name).toBe(true);
    expect(f.coverage).toBeGreaterThan(0.5);
    expect(f.predicateCoverage).toBeGreaterThan(0.5);
  });
});

describe('probability', () => {
  const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;
  const model: DeciderModel = { features: ['coverage', 'entityMiss'], weights: [4, -4], bias: -2, answerAt: 0.5, offerAt: 0.2 };

  it('GIVEN weights THEN the logistic of bias plus weighted features', () => {
    expect(probability(model, zero)).toBeCloseTo(1 / (1 + Math.exp(2)), 10);
    expect(probability(model, { ...zero, coverage: 1 })).toBeCloseTo(1 / (1 + Math.exp(-2)), 10);
    expect(probability(model, { ...zero, coverage: 1, entityMiss: 1 })).toBeCloseTo(1 / (1 + Math.exp(2)), 10);
  });

  it('GIVEN the bundled decider.json THEN it is a valid model over known features', () => {
    const parsed = deciderSchema.parse(readKnowledgeFiles().decider);
    for (const part of [parsed, parsed.classified]) {
      if (part === undefined) throw new Error('decider.json has no classified model');
      expect(part.offerAt).toBeLessThanOrEqual(part.answerAt);
      if ('trees' in part) expect(part.trees.roots.length).toBeGreaterThan(10);
      else expect(part.weights).toHaveLength(part.features.length);
    }
  });

  it('GIVEN a malformed decider THEN the schema refuses it', () => {
    expect(deciderSchema.safeParse({ ...model, features: ['nope'] }).success).toBe(false);
    expect(deciderSchema.safeParse({ ...model, answerAt: 2 }).success).toBe(false);
  });
});
