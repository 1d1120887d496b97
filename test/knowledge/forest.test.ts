import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deciderSchema, FEATURES, probability } from '../../src/knowledge/decider.js';
import type { DeciderPart, FeatureVector } from '../../src/knowledge/decider.js';
import { forestLogOdds, forestSchema, MAX_DEPTH } from '../../src/knowledge/forest.js';
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

/**
 * Uneven trees: the first is a leaf on the left at depth 1 and a split on the right down to depth 3;
 * the second splits on feature 1, then feature 0. The walk lays trees out complete, so leaves above
 * the bottom are where it could go wrong.
 */
const uneven: Forest = {
  bias: 0.25,
  roots: [0, 7],
  feature: [0, -1, 1, 0, -1, -1, -1, 1, 0, -1, -1, -1],
  threshold: [0.5, 0, 2, 0.1, 0, 0, 0, 1, -1, 0, 0, 0],
  left: [1, 0, 3, 4, 0, 0, 0, 8, 9, 0, 0, 0],
  right: [2, 0, 6, 5, 0, 0, 0, 11, 10, 0, 0, 0],
  value: [0, 1, 0, 10, 100, 1000, 10000, 0, 0.5, 0.25, 0.125, 0.0625].map((v, i) => v + i * 1e-3),
};

/** The plain pointer walk the model file describes: what the compiled walk must always agree with. */
function walked(f: Forest, x: readonly number[]): number {
  let z = f.bias;
  for (const root of f.roots) {
    let node = root;
    while ((f.feature[node] as number) >= 0) node = (x[f.feature[node] as number] as number) <= (f.threshold[node] as number) ? (f.left[node] as number) : (f.right[node] as number);
    z += f.value[node] as number;
  }
  return z;
}

describe('forest: complete-tree layout', () => {
  it('GIVEN leaves at several depths THEN every path sums to what the pointer walk gives', () => {
    expect(forestSchema.safeParse(uneven).success).toBe(true);
    const cases: Array<[number[], number]> = [
      [[0.5, 0], 0.25 + 1.001 + 0.135],
      [[-2, 0], 0.25 + 1.001 + 0.259],
      [[0.6, 2], 0.25 + 1000.005 + 0.0735],
      [[0.05, 3], 0.25 + 1.001 + 0.0735],
      [[0.6, 3], 0.25 + 10000.006 + 0.0735],
    ];
    for (const [x, expected] of cases) expect(forestLogOdds(uneven, x)).toBeCloseTo(expected, 9);
  });

  it('GIVEN any features, including values on a threshold and NaN THEN the compiled walk equals the pointer walk exactly', () => {
    const value = fc.oneof(fc.double({ noNaN: false }), fc.constantFrom(-1, 0.1, 0.5, 1, 2, Number.NaN, Infinity, -Infinity));
    fc.assert(fc.property(fc.tuple(value, value), (x) => Object.is(forestLogOdds(uneven, x), walked(uneven, x))));
  });

  it(`GIVEN a tree deeper than ${MAX_DEPTH} splits THEN the schema refuses it; one exactly that deep THEN it is accepted`, () => {
    const chain = (splits: number): Forest => ({
      bias: 0,
      roots: [0],
      feature: [...Array.from({ length: splits }, () => 0), -1, ...Array.from({ length: splits }, () => -1)],
      threshold: Array.from({ length: 2 * splits + 1 }, () => 0),
      // Split k sends left to a leaf and right to split k + 1; the last split's right is the bottom leaf.
      left: [...Array.from({ length: splits }, (_, k) => splits + 1 + k), 0, ...Array.from({ length: splits }, () => 0)],
      right: [...Array.from({ length: splits }, (_, k) => k + 1), 0, ...Array.from({ length: splits }, () => 0)],
      value: Array.from({ length: 2 * splits + 1 }, (_, i) => i),
    });
    expect(forestSchema.safeParse(chain(MAX_DEPTH)).success).toBe(true);
    expect(forestSchema.safeParse(chain(MAX_DEPTH + 1)).success).toBe(false);
    expect(forestLogOdds(chain(MAX_DEPTH), [1])).toBe(MAX_DEPTH);
    expect(forestLogOdds(chain(MAX_DEPTH), [0])).toBe(MAX_DEPTH + 1);
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
