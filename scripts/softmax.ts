/**
 * Multinomial logistic regression over bags of terms, fitted with Adam and a little L2: the
 * question classifier (src/knowledge/classifier.ts). Small data, sparse inputs, no dependency.
 */
import { WEIGHT_SCALE } from '../src/knowledge/classifier.js';
import type { ClassifierModel } from '../src/knowledge/classifier.js';

export interface LabelledTerms {
  readonly terms: readonly string[];
  /** The classes that answer it: several facts may quote the same sentence. Empty: not used. */
  readonly classes: readonly string[];
}

export interface SoftmaxOptions {
  readonly l2?: number;
  readonly steps?: number;
  readonly rate?: number;
  /** Weights smaller than this are left out of the model file. */
  readonly prune?: number;
  readonly blend?: number;
}

export function fitSoftmax(examples: readonly LabelledTerms[], classes: readonly string[], options: SoftmaxOptions = {}): ClassifierModel {
  const { l2 = 1e-4, steps = 200, rate = 0.05, prune = 0.05, blend = 0.15 } = options;
  const used = examples.filter((e) => e.classes.length > 0);
  const vocab = new Map<string, number>();
  for (const e of used) for (const t of e.terms) if (!vocab.has(t)) vocab.set(t, vocab.size);
  const C = classes.length;
  const V = vocab.size + 1; // the last row is the bias
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const xs = used.map((e) => [...new Set(e.terms.map((t) => vocab.get(t) as number)), V - 1]);
  const ys = used.map((e) => e.classes.map((c) => classIndex.get(c)).filter((c): c is number => c !== undefined));
  const w = new Float64Array(V * C);
  const grad = new Float64Array(V * C);
  const m = new Float64Array(V * C);
  const v = new Float64Array(V * C);
  const z = new Float64Array(C);
  for (let step = 1; step <= steps; step++) {
    grad.fill(0);
    xs.forEach((x, i) => {
      const y = ys[i] as number[];
      z.fill(0);
      for (const f of x) for (let c = 0; c < C; c++) z[c] = (z[c] as number) + (w[f * C + c] as number);
      softmaxInPlace(z);
      // Several right classes share the target mass.
      for (const c of y) z[c] = (z[c] as number) - 1 / y.length;
      for (const f of x) for (let c = 0; c < C; c++) grad[f * C + c] = (grad[f * C + c] as number) + (z[c] as number) / xs.length;
    });
    const b1 = 1 - 0.9 ** step;
    const b2 = 1 - 0.999 ** step;
    for (let j = 0; j < w.length; j++) {
      const g = (grad[j] as number) + l2 * (w[j] as number);
      m[j] = 0.9 * (m[j] as number) + 0.1 * g;
      v[j] = 0.999 * (v[j] as number) + 0.001 * g * g;
      w[j] = (w[j] as number) - (rate * ((m[j] as number) / b1)) / (Math.sqrt((v[j] as number) / b2) + 1e-8);
    }
  }
  // Kept to the precision classifier.json packs its weights at (packClassifier refuses more).
  const round = (x: number) => Math.round(x * WEIGHT_SCALE) / WEIGHT_SCALE;
  const model = { classes: [...classes], bias: Array.from(w.subarray((V - 1) * C), round), terms: [] as string[], counts: [] as number[], targets: [] as number[], weights: [] as number[], blend };
  for (const [term, f] of [...vocab].sort(([a], [b]) => a.localeCompare(b))) {
    let n = 0;
    for (let c = 0; c < C; c++) {
      const weight = w[f * C + c] as number;
      if (Math.abs(weight) < prune) continue;
      model.targets.push(c);
      model.weights.push(round(weight));
      n++;
    }
    if (n === 0) continue;
    model.terms.push(term);
    model.counts.push(n);
  }
  return model;
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const x of z) max = Math.max(max, x);
  let sum = 0;
  for (let c = 0; c < z.length; c++) sum += z[c] = Math.exp((z[c] as number) - max);
  for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) / sum;
}

/**
 * The model without its weights smaller than `threshold` in magnitude, and without the terms left
 * with none: a smaller file and a faster start, for a model fitted with a lower pruning threshold.
 */
export function pruneClassifier(model: ClassifierModel, threshold: number): ClassifierModel {
  const pruned = { ...model, terms: [] as string[], counts: [] as number[], targets: [] as number[], weights: [] as number[] };
  let j = 0;
  model.terms.forEach((term, i) => {
    let n = 0;
    for (const end = j + (model.counts[i] as number); j < end; j++) {
      const weight = model.weights[j] as number;
      if (Math.abs(weight) < threshold) continue;
      pruned.targets.push(model.targets[j] as number);
      pruned.weights.push(weight);
      n++;
    }
    if (n === 0) return;
    pruned.terms.push(term);
    pruned.counts.push(n);
  });
  return pruned;
}
