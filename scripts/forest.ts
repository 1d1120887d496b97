/**
 * Gradient-boosted decision trees (log loss, second-order leaf values, histogram splits) for the
 * decider: unlike a logistic model they can learn that one piece of evidence matters only with
 * another (a "when" the fact can't answer matters less when the classifier is sure). Small data,
 * a few hundred shallow trees, no dependency. The fitted forest is src/knowledge/decider.ts's
 * `Forest`: flat arrays, leaves already scaled by the learning rate.
 */
import type { Forest } from '../src/knowledge/forest.js';
import type { Example } from './logistic.js';

export interface ForestOptions {
  readonly rounds?: number;
  readonly depth?: number;
  readonly rate?: number;
  /** Fewest examples a leaf may hold: a split on a handful of questions is noise. */
  readonly minLeaf?: number;
  /** Candidate thresholds per feature: its quantiles. */
  readonly bins?: number;
  /** L2 on leaf values. */
  readonly lambda?: number;
}

export interface FittedForest {
  readonly forest: Forest;
  predict(x: readonly number[]): number;
}

interface Tree {
  readonly feature: number;
  readonly threshold: number;
  readonly left: Tree | number;
  readonly right: Tree | number;
}

/** The options the shipped decider was fitted with (decider.json's `fitted.by` names them). */
export const FOREST_DEFAULTS = { rounds: 200, depth: 3, rate: 0.05, minLeaf: 40, bins: 32, lambda: 1 } as const;

export function fitForest(examples: readonly Example[], options: ForestOptions = {}): FittedForest {
  const { rounds = FOREST_DEFAULTS.rounds, depth = FOREST_DEFAULTS.depth, rate = FOREST_DEFAULTS.rate, minLeaf = FOREST_DEFAULTS.minLeaf, bins = FOREST_DEFAULTS.bins, lambda = FOREST_DEFAULTS.lambda } = options;
  const data = examples.filter((e) => e.matched);
  const n = data.length;
  const d = data[0]?.x.length ?? 0;
  const cuts = Array.from({ length: d }, (_, j) => {
    const values = data.map((e) => e.x[j] ?? 0).sort((a, b) => a - b);
    return [...new Set(Array.from({ length: bins - 1 }, (_, k) => values[Math.floor(((k + 1) * n) / bins)] as number))].sort((a, b) => a - b);
  });
  // Each example's bin per feature: x ≤ cuts[j][b] exactly when its bin is ≤ b.
  const bin = new Uint8Array(n * d);
  data.forEach((e, i) => {
    for (let j = 0; j < d; j++) {
      const c = cuts[j] as number[];
      let b = 0;
      while (b < c.length && (e.x[j] ?? 0) > (c[b] as number)) b++;
      bin[i * d + j] = b;
    }
  });
  const positives = data.reduce((s, e) => s + e.y, 0);
  const bias = Math.log(Math.max(positives, 1) / Math.max(n - positives, 1));
  const score = new Float64Array(n).fill(bias);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const width = bins + 1;
  const histG = new Float64Array(d * width);
  const histH = new Float64Array(d * width);
  const histN = new Int32Array(d * width);

  const grow = (rows: Int32Array, level: number): Tree | number => {
    let G = 0;
    let H = 0;
    for (const i of rows) {
      G += g[i] as number;
      H += h[i] as number;
    }
    const leaf = (-G / (H + lambda)) * rate;
    if (level === depth || rows.length < 2 * minLeaf) return leaf;
    histG.fill(0);
    histH.fill(0);
    histN.fill(0);
    for (const i of rows) {
      for (let j = 0; j < d; j++) {
        const k = j * width + (bin[i * d + j] as number);
        histG[k] = (histG[k] as number) + (g[i] as number);
        histH[k] = (histH[k] as number) + (h[i] as number);
        histN[k] = (histN[k] as number) + 1;
      }
    }
    const parent = (G * G) / (H + lambda);
    let best = { gain: 1e-6, feature: -1, bin: 0 };
    for (let j = 0; j < d; j++) {
      let GL = 0;
      let HL = 0;
      let nL = 0;
      for (let b = 0; b < (cuts[j] as number[]).length; b++) {
        const k = j * width + b;
        GL += histG[k] as number;
        HL += histH[k] as number;
        nL += histN[k] as number;
        if (nL < minLeaf || rows.length - nL < minLeaf) continue;
        const gain = (GL * GL) / (HL + lambda) + ((G - GL) * (G - GL)) / (H - HL + lambda) - parent;
        if (gain > best.gain) best = { gain, feature: j, bin: b };
      }
    }
    if (best.feature < 0) return leaf;
    const goesLeft = (i: number) => (bin[i * d + best.feature] as number) <= best.bin;
    return {
      feature: best.feature,
      threshold: (cuts[best.feature] as number[])[best.bin] as number,
      left: grow(rows.filter(goesLeft), level + 1),
      right: grow(rows.filter((i) => !goesLeft(i)), level + 1),
    };
  };

  const valueOf = (t: Tree | number, x: readonly number[]): number => (typeof t === 'number' ? t : valueOf((x[t.feature] ?? 0) <= t.threshold ? t.left : t.right, x));
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const trees: Array<Tree | number> = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(score[i] as number)));
      g[i] = p - (data[i] as Example).y;
      h[i] = p * (1 - p);
    }
    const tree = grow(all, 0);
    trees.push(tree);
    for (let i = 0; i < n; i++) score[i] = (score[i] as number) + valueOf(tree, (data[i] as Example).x);
  }
  const forest = flatten(trees, bias);
  return { forest, predict: (x) => 1 / (1 + Math.exp(-trees.reduce<number>((z, t) => z + valueOf(t, x), bias))) };
}

/** The trees as the model file holds them: nodes in arrays, each child after its parent. */
function flatten(trees: ReadonlyArray<Tree | number>, bias: number): Forest {
  const out = { bias, roots: [] as number[], feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[] };
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  const add = (t: Tree | number): number => {
    const at = out.feature.length;
    out.feature.push(typeof t === 'number' ? -1 : t.feature);
    out.threshold.push(typeof t === 'number' ? 0 : t.threshold);
    out.value.push(typeof t === 'number' ? round(t) : 0);
    out.left.push(0);
    out.right.push(0);
    if (typeof t !== 'number') {
      out.left[at] = add(t.left);
      out.right[at] = add(t.right);
    }
    return at;
  };
  for (const t of trees) out.roots.push(add(t));
  return { ...out, bias: round(bias) };
}
