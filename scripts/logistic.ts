/** Plain logistic regression (batch gradient descent, L2) for the decider: small data, no dependency. */

export interface Example {
  readonly x: readonly number[];
  readonly y: 0 | 1;
  /** Whether any fact matched at all: with none, the engine declines whatever the model says. */
  readonly matched: boolean;
}

export interface Logistic {
  /** Weights and bias on the raw (unstandardised) features. */
  readonly weights: number[];
  readonly bias: number;
  predict(x: readonly number[]): number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(examples: readonly Example[], { l2 = 0.01, steps = 3000, rate = 0.5 } = {}): Logistic {
  const data = examples.filter((e) => e.matched);
  const d = data[0]?.x.length ?? 0;
  // Standardise so one learning rate and one L2 strength suit every feature.
  const mean = Array.from({ length: d }, (_, j) => data.reduce((s, e) => s + (e.x[j] ?? 0), 0) / data.length);
  const scale = mean.map((m, j) => Math.sqrt(data.reduce((s, e) => s + ((e.x[j] ?? 0) - m) ** 2, 0) / data.length) || 1);
  const xs = data.map((e) => e.x.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number)));
  const w = new Array<number>(d).fill(0);
  let b = 0;
  for (let step = 0; step < steps; step++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      const err = sigmoid(x.reduce((s, v, j) => s + v * (w[j] as number), b)) - (data[i] as Example).y;
      x.forEach((v, j) => {
        gw[j] = (gw[j] as number) + err * v;
      });
      gb += err;
    });
    for (let j = 0; j < d; j++) w[j] = (w[j] as number) - rate * ((gw[j] as number) / xs.length + l2 * (w[j] as number));
    b -= rate * (gb / xs.length);
  }
  const weights = w.map((v, j) => v / (scale[j] as number));
  const bias = b - w.reduce((s, v, j) => s + (v * (mean[j] as number)) / (scale[j] as number), 0);
  return { weights, bias, predict: (x) => sigmoid(x.reduce((s, v, j) => s + v * (weights[j] as number), bias)) };
}

/** The probability threshold that maximises right answers minus `wrongCost` × wrong ones. */
export function pickThreshold(scored: ReadonlyArray<{ p: number; y: 0 | 1; matched: boolean }>, wrongCost: number): number {
  const candidates = scored.filter((s) => s.matched).sort((a, b) => b.p - a.p);
  let best = { utility: 0, at: 1 };
  let utility = 0;
  candidates.forEach((s, i) => {
    utility += s.y === 1 ? 1 : -wrongCost;
    const next = candidates[i + 1];
    if (utility > best.utility && (!next || next.p < s.p)) best = { utility, at: next ? (s.p + next.p) / 2 : s.p };
  });
  return best.at;
}
