import { describe, expect, it } from 'vitest';
import { FOREST_DEFAULTS, fitForest } from '../../scripts/forest.js';
import { fitLogistic } from '../../scripts/logistic.js';
import { forestLogOdds } from '../../src/knowledge/forest.js';

/** A label that needs two features together: right only when both are high (x0 AND x1). */
const examples = Array.from({ length: 400 }, (_, i) => {
  const x = [(i % 20) / 20, Math.floor(i / 20) / 20, (i * 7) % 13];
  return { x, y: (x[0] as number) > 0.5 && (x[1] as number) > 0.5 ? (1 as const) : (0 as const), matched: true };
});
const accuracy = (predict: (x: readonly number[]) => number) => examples.filter((e) => (predict(e.x) >= 0.5 ? 1 : 0) === e.y).length / examples.length;

describe('fitForest', () => {
  it('GIVEN a label that depends on two features together THEN the forest learns it', () => {
    const fitted = fitForest(examples, { rounds: 60, minLeaf: 10 });
    expect(accuracy(fitted.predict)).toBeGreaterThan(0.97);
  });

  it('GIVEN the fitted forest THEN the model file form predicts what the fitter does', () => {
    const fitted = fitForest(examples, { rounds: 30, minLeaf: 10 });
    for (const e of examples.slice(0, 50)) {
      expect(1 / (1 + Math.exp(-forestLogOdds(fitted.forest, e.x)))).toBeCloseTo(fitted.predict(e.x), 4);
    }
  });

  it('GIVEN leaves of at least 150 of 400 examples THEN no split is made on fewer', () => {
    const fitted = fitForest(examples, { rounds: 5, minLeaf: 150 });
    // A tree of depth 3 over 400 examples with leaves of 150: one split at most.
    for (const root of fitted.forest.roots) {
      const f = fitted.forest.feature;
      if ((f[root] as number) >= 0) {
        expect(f[fitted.forest.left[root] as number]).toBe(-1);
        expect(f[fitted.forest.right[root] as number]).toBe(-1);
      }
    }
  });

  it('GIVEN an option passed as undefined (a flag not given) THEN the default holds, not NaN trees', () => {
    const given = fitForest(examples, { rounds: undefined, depth: undefined, minLeaf: 10 });
    expect(given.forest.roots).toHaveLength(FOREST_DEFAULTS.rounds);
    expect(given.forest.roots).toEqual(fitForest(examples, { minLeaf: 10 }).forest.roots);
    expect(accuracy(given.predict)).toBeGreaterThan(0.97);
  });

  it('GIVEN unmatched examples THEN they are left out of fitting, as the engine declines them anyway', () => {
    const noisy = [...examples, ...Array.from({ length: 400 }, () => ({ x: [0.9, 0.9, 0], y: 0 as const, matched: false }))];
    expect(accuracy(fitForest(noisy, { rounds: 60, minLeaf: 10 }).predict)).toBeGreaterThan(0.97);
  });

  it('GIVEN the same data THEN a logistic model cannot learn it as well (why the decider uses trees)', () => {
    expect(accuracy(fitLogistic(examples, { steps: 500 }).predict)).toBeLessThan(accuracy(fitForest(examples, { rounds: 60, minLeaf: 10 }).predict));
  });
});
