/**
 * Python difflib's SequenceMatcher.ratio() (Ratcliff/Obershelp: 2·matches / total length), so a
 * "ratio ≥ 0.8" here means what it means in the issue and in any Python check of the same sets.
 * Inputs are short questions, well under difflib's 200-character autojunk limit.
 */
export function similarityRatio(a: string, b: string): number {
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matches(a, 0, a.length, b, 0, b.length)) / total;
}

function matches(a: string, alo: number, ahi: number, b: string, blo: number, bhi: number): number {
  const [i, j, k] = longestMatch(a, alo, ahi, b, blo, bhi);
  if (k === 0) return 0;
  return k + matches(a, alo, i, b, blo, j) + matches(a, i + k, ahi, b, j + k, bhi);
}

/** The longest common block, earliest in a then in b on ties, as difflib finds it. */
function longestMatch(a: string, alo: number, ahi: number, b: string, blo: number, bhi: number): [number, number, number] {
  let best: [number, number, number] = [alo, blo, 0];
  let lengths = new Map<number, number>();
  for (let i = alo; i < ahi; i++) {
    const next = new Map<number, number>();
    for (let j = blo; j < bhi; j++) {
      if (a[i] !== b[j]) continue;
      const k = (lengths.get(j - 1) ?? 0) + 1;
      next.set(j, k);
      if (k > best[2]) best = [i - k + 1, j - k + 1, k];
    }
    lengths = next;
  }
  return best;
}
