import { describe, expect, it } from 'vitest';
import { deciderSchema, FEATURES, probability } from '../../src/knowledge/decider.js';
import type { DeciderPart, FeatureVector } from '../../src/knowledge/decider.js';
import { forestLogOdds, forestSchema } from '../../src/knowledge/forest.js';
import type { Forest } from '../../src/knowledge/forest.js';

/** Two trees: the first splits on feature 0 at 0.5, the second is a single leaf. */
const forest: Forest = {
  bias: -1,
  roots: [0, 3],
  feature: [0, -1, -1, -1],
  threshold: [0.5, 0, 0, 0],
  left: [1, 0, 0, 0],
  right: [2, 0, 0, 0],
  value: [0, -2, 3, 0.5],
};

describe('forest: walking the trees', () => {
  it('GIVEN a value at or under the threshold THEN the left leaf counts; above it THEN the right one', () => {
    expect(forestLogOdds(forest, [0.5])).toBeCloseTo(-1 - 2 + 0.5, 12);
    expect(forestLogOdds(forest, [0.2])).toBeCloseTo(-2.5, 12);
    expect(forestLogOdds(forest, [0.51])).toBeCloseTo(-1 + 3 + 0.5, 12);
  });

  it('GIVEN a decider made of trees THEN its probability is the logistic of the forest, features read by name', () => {
    const model: DeciderPart = { features: ['coverage'], trees: forest, answerAt: 0.5, offerAt: 0.2 };
    const zero = Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;
    expect(probability(model, { ...zero, coverage: 0.9 })).toBeCloseTo(1 / (1 + Math.exp(-2.5)), 12);
    expect(probability(model, { ...zero, coverage: 0.1, similarity: 9 })).toBeCloseTo(1 / (1 + Math.exp(2.5)), 12);
  });
});

describe('forest: the model file is checked before it is trusted', () => {
  it('GIVEN the sample forest THEN it is valid', () => {
    expect(forestSchema.safeParse(forest).success).toBe(true);
  });

  it.each([
    ['a child before its parent (a loop)', { ...forest, left: [0, 0, 0, 0] }],
    ['a right child that is its own parent', { ...forest, right: [0, 0, 0, 0] }],
    ['a child past the last node', { ...forest, right: [9, 0, 0, 0] }],
    ['a left child one past the last node', { ...forest, left: [4, 0, 0, 0] }],
    ['a right child one past the last node', { ...forest, right: [4, 0, 0, 0] }],
    ['a root past the last node', { ...forest, roots: [0, 4] }],
    ['a negative root', { ...forest, roots: [-1] }],
    ['a column that is not an array', { ...forest, threshold: 'none' }],
    ['an index column that is not an array', { ...forest, left: { 0: 1 } }],
    ['no trees', { ...forest, roots: [] }],
    ['a column of another length', { ...forest, value: [0, -2, 3] }],
    ['a value that is not a number', { ...forest, value: [0, -2, Number.NaN, 0.5] }],
    ['a fractional index', { ...forest, feature: [0.5, -1, -1, -1] }],
    ['an index below -1', { ...forest, feature: [-2, -1, -1, -1] }],
  ])('GIVEN %s THEN the schema refuses it', (_, bad) => {
    expect(forestSchema.safeParse(bad).success).toBe(false);
  });

  it('GIVEN a decider whose trees split on a feature it does not list THEN it is refused', () => {
    const model = { features: ['coverage'], trees: { ...forest, feature: [1, -1, -1, -1] }, answerAt: 0.5, offerAt: 0.2 };
    expect(deciderSchema.safeParse(model).success).toBe(false);
    expect(deciderSchema.safeParse({ ...model, features: ['coverage', 'margin'] }).success).toBe(true);
  });
});
