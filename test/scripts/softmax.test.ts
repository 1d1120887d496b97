import { describe, expect, it } from 'vitest';
import { classifierSchema, NONE_CLASS } from '../../src/knowledge/classifier.js';
import type { ClassifierModel } from '../../src/knowledge/classifier.js';
import { fitSoftmax, pruneClassifier } from '../../scripts/softmax.js';

/** "headcount" and "people" ask for the population, "city" for the venue, "weather" for neither. */
const examples = [
  ...Array.from({ length: 20 }, () => ({ terms: ['headcount', 'people'], classes: ['pop'] })),
  ...Array.from({ length: 20 }, () => ({ terms: ['city'], classes: ['venue'] })),
  ...Array.from({ length: 20 }, () => ({ terms: ['weather'], classes: [NONE_CLASS] })),
];
const classes = ['pop', 'venue', NONE_CLASS];

describe('fitSoftmax', () => {
  it('GIVEN a weaker L2 penalty THEN the fit keeps weights at least as large', () => {
    const largest = (m: ClassifierModel) => Math.max(...m.weights.map(Math.abs));
    expect(largest(fitSoftmax(examples, classes, { l2: 1e-5 }))).toBeGreaterThanOrEqual(largest(fitSoftmax(examples, classes, { l2: 1e-2 })));
  });
});

describe('pruneClassifier', () => {
  const model: ClassifierModel = {
    classes,
    bias: [0, 0, 0],
    terms: ['city', 'headcount', 'weather'],
    counts: [2, 1, 2],
    targets: [1, 2, 0, 2, 0],
    weights: [3, 0.1, -0.2, 4, 0.05],
    blend: 0.15,
  };

  it('GIVEN a threshold THEN the weights below it in magnitude go, and a term left with none goes too', () => {
    const pruned = pruneClassifier(model, 0.15);
    expect(pruned).toMatchObject({ terms: ['city', 'headcount', 'weather'], counts: [1, 1, 1], targets: [1, 0, 2], weights: [3, -0.2, 4] });
    expect(pruneClassifier(model, 1)).toMatchObject({ terms: ['city', 'weather'], counts: [1, 1], targets: [1, 2], weights: [3, 4] });
  });

  it('GIVEN any threshold THEN the pruned model is still a valid model file', () => {
    for (const threshold of [0, 0.05, 0.15, 1, 10]) expect(classifierSchema.safeParse(pruneClassifier(model, threshold)).success).toBe(true);
  });

  it('GIVEN a fitted model pruned at zero THEN nothing changes', () => {
    const fitted = fitSoftmax(examples, classes);
    expect(pruneClassifier(fitted, 0)).toEqual(fitted);
  });
});
