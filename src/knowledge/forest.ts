import { z } from 'zod';

import { finiteNumbers, wholeNumbersFrom } from './schema.js';

const indices = wholeNumbersFrom(-1);

/** The deepest tree a forest may hold: the walk lays each tree out complete, with 2^depth leaves. */
export const MAX_DEPTH = 8;

/** Whether the tree below `node` is more than `levels` splits deep; safe on unchecked input (stops at `levels`). */
function deeperThan(f: { feature: number[]; left: number[]; right: number[] }, node: number | undefined, levels: number): boolean {
  const split = node === undefined ? undefined : f.feature[node];
  if (split === undefined || split < 0) return false;
  return levels === 0 || deeperThan(f, f.left[node as number], levels - 1) || deeperThan(f, f.right[node as number], levels - 1);
}

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
  })
  .refine((f) => !f.roots.some((r) => deeperThan(f, r, MAX_DEPTH)), { message: `a tree is deeper than ${MAX_DEPTH} splits` });

export type Forest = z.infer<typeof forestSchema>;

/**
 * The forest as complete trees of one depth, in typed arrays: tree t's split k sits at
 * `t * splits + k` with its children at 2k+1 and 2k+2, so a walk is a fixed number of steps with no
 * child pointers to load. A leaf above the bottom is copied into every slot below it, under splits
 * that go either way to the same value, so every walk gives the sum the pointer walk gives.
 */
type Compiled = (x: ArrayLike<number>) => number;
const compiled = new WeakMap<Forest, Compiled>();

function compile(forest: Forest): Compiled {
  const known = compiled.get(forest);
  if (known !== undefined) return known;
  // The schema capped it at MAX_DEPTH: the first depth no tree goes past.
  let depth = 0;
  while (forest.roots.some((r) => deeperThan(forest, r, depth))) depth++;
  const splits = (1 << depth) - 1;
  const leaves = 1 << depth;
  const feature = new Int32Array(forest.roots.length * splits);
  const threshold = new Float64Array(forest.roots.length * splits);
  const leaf = new Float64Array(forest.roots.length * leaves);
  forest.roots.forEach((root, t) => {
    const place = (node: number, slot: number, level: number): void => {
      if (level === depth) {
        leaf[t * leaves + slot - splits] = forest.value[node] as number;
        return;
      }
      const isLeaf = (forest.feature[node] as number) < 0;
      feature[t * splits + slot] = isLeaf ? 0 : (forest.feature[node] as number);
      threshold[t * splits + slot] = isLeaf ? 0 : (forest.threshold[node] as number);
      place(isLeaf ? node : (forest.left[node] as number), 2 * slot + 1, level + 1);
      place(isLeaf ? node : (forest.right[node] as number), 2 * slot + 2, level + 1);
    };
    place(root, 0, 0);
  });
  const { bias } = forest;
  const trees = forest.roots.length;
  // A closure over this forest's arrays, so the optimiser sees them (and the depth) as constants.
  const logOdds = (x: ArrayLike<number>): number => {
    let z = bias;
    for (let t = 0, base = 0, first = 0; t < trees; t++, base += splits, first += leaves) {
      let slot = 0;
      for (let level = 0; level < depth; level++) {
        const at = base + slot;
        // Left is 2k+1, right 2k+2. Arithmetic on the comparison rather than a branch: which way a
        // question goes is unpredictable, and a mispredicted branch costs more than the whole step.
        slot = 2 * slot + 2 - Number((x[feature[at] as number] as number) <= (threshold[at] as number));
      }
      z += leaf[first + slot - splits] as number;
    }
    return z;
  };
  compiled.set(forest, logOdds);
  return logOdds;
}

/** The forest's log-odds for a question whose features are `x`, in the model's feature order. */
export function forestLogOdds(forest: Forest, x: ArrayLike<number>): number {
  return compile(forest)(x);
}
