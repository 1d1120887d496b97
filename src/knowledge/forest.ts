import { z } from 'zod';

import { finiteNumbers, wholeNumbersFrom } from './schema.js';

const indices = wholeNumbersFrom(-1);

/**
 * A forest of boosted decision trees (scripts/forest.ts fits it): the decider's model when a
 * piece of evidence matters only together with another, which a logistic model can't express.
 * Nodes sit in flat arrays; a node whose `feature` is -1 is a leaf worth `value`, any other sends
 * a question left when its feature is ≤ `threshold`, else right. Every child comes after its
 * parent, so a walk always ends.
 */
export const forestSchema = z
  .strictObject({
    /** The log-odds before any tree. */
    bias: z.number(),
    roots: indices,
    /** The index of the feature each node splits on (in the model's `features`), or -1 for a leaf. */
    feature: indices,
    threshold: finiteNumbers,
    left: indices,
    right: indices,
    /** A leaf's addition to the log-odds (already scaled by the learning rate). */
    value: finiteNumbers,
  })
  .refine((f) => [f.threshold, f.left, f.right, f.value].every((a) => a.length === f.feature.length), { message: 'every node needs a feature, threshold, left, right and value' })
  .refine((f) => f.roots.length > 0 && f.roots.every((r) => r >= 0 && r < f.feature.length), { message: 'a root is not a node' })
  .refine((f) => f.feature.every((x, i) => x < 0 || ((f.left[i] as number) > i && (f.right[i] as number) > i && (f.left[i] as number) < f.feature.length && (f.right[i] as number) < f.feature.length)), {
    message: 'a split node must point to two later nodes',
  });

export type Forest = z.infer<typeof forestSchema>;

/** A forest's nodes in typed arrays: loads a walk can make without boxing a number. */
interface Compiled {
  readonly bias: number;
  readonly roots: Int32Array;
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly value: Float64Array;
}
const compiled = new WeakMap<Forest, Compiled>();

function compile(forest: Forest): Compiled {
  let c = compiled.get(forest);
  if (c === undefined) {
    c = {
      bias: forest.bias,
      roots: Int32Array.from(forest.roots),
      feature: Int32Array.from(forest.feature),
      threshold: Float64Array.from(forest.threshold),
      left: Int32Array.from(forest.left),
      right: Int32Array.from(forest.right),
      value: Float64Array.from(forest.value),
    };
    compiled.set(forest, c);
  }
  return c;
}

/** The forest's log-odds for a question whose features are `x`, in the model's feature order. */
export function forestLogOdds(forest: Forest, x: ArrayLike<number>): number {
  const { roots, feature, threshold, left, right, value, bias } = compile(forest);
  let z = bias;
  for (let r = 0; r < roots.length; r++) {
    let node = roots[r] as number;
    let f = feature[node] as number;
    while (f >= 0) {
      node = (x[f] as number) <= (threshold[node] as number) ? (left[node] as number) : (right[node] as number);
      f = feature[node] as number;
    }
    z += value[node] as number;
  }
  return z;
}
