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

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

interface CurationSources {
  readonly facts: ReadonlyArray<{ readonly questions: readonly string[] }>;
  readonly lexicon: { readonly aliases: ReadonlyArray<{ canonical: string; variants: readonly string[] }>; readonly stopwords: readonly string[] };
}

/**
 * What a test question must not nearly repeat: every curated question, and every lexicon entry
 * (alias or stop phrase) of three words or more. Returns the finder: the text a question is near, or
 * undefined. Shared by the held-apart test and scripts/move-near-copies.ts.
 */
export function nearCopyFinder({ facts, lexicon }: CurationSources): (question: string) => string | undefined {
  const curated = facts.flatMap((f) => f.questions.map(squash));
  const phrases = [...lexicon.aliases.flatMap((a) => [a.canonical, ...a.variants]), ...lexicon.stopwords].map(squash).filter((p) => p.split(' ').length > 2);
  const near = [...curated, ...phrases];
  return (question) => {
    const s = squash(question);
    return near.find((c) => similarityRatio(s, c) >= NEAR_COPY_RATIO);
  };
}

/** A ratio at or above this is a near copy (the threshold). */
export const NEAR_COPY_RATIO = 0.8;
