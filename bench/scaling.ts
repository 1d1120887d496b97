/**
 * Scaling: the fact base replicated to N× with synthetic, perturbed copies of every fact (new ids,
 * questions and keywords partly rewritten with synthetic words so the vocabulary grows), each copy
 * citing the same sentences so the integrity checks still pass. Measures build time, retained heap
 * and per-question / autocomplete latency at each size, and fits the growth.
 */
import { buildKnowledge, type Knowledge, type KnowledgeFiles } from '../src/knowledge/index.js';
import type { FactEntry } from '../src/knowledge/schema.js';
import { score, type EvalQuestion } from '../test/knowledge/scoring.js';
import { autocompleteInputs, measureBuild, perCallLatency, type BuildResult, type LatencyResult } from './latency.js';
import { collectGarbage, MB } from './stats.js';

interface RawFactBase {
  documents: unknown[];
  topics: unknown[];
  facts: FactEntry[];
}

/** Curated questions are button labels, capped at 80 characters by the schema. */
const MAX_QUESTION_CHARS = 80;
/** Synthetic words in the pool per replication step: the vocabulary grows with the fact base. */
const SYNTHETIC_WORDS_PER_COPY = 120;
/** Share of a question's words replaced by synthetic ones in each copy. */
const REPLACED_SHARE = 0.35;

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same fact base. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bdfghklmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = CONSONANTS.length * VOWELS.length;
/**
 * The n-th synthetic word (n < 75³): three syllables and a closing "x", letters only (so the
 * fuzzy corrector indexes it like a real word), unique per n and never an English stop-word.
 */
export function syntheticWord(n: number): string {
  let out = '';
  for (let i = 0, x = n; i < 3; i++, x = Math.floor(x / SYLLABLES)) {
    const s = x % SYLLABLES;
    out += (CONSONANTS[s % CONSONANTS.length] as string) + (VOWELS[Math.floor(s / CONSONANTS.length)] as string);
  }
  return `${out}x`;
}

function perturb(text: string, random: () => number, pool: number, maxChars?: number): string {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const content = words.map((w, i) => (/^[A-Za-z]{3,}/.test(w) ? i : -1)).filter((i) => i >= 0);
  const replace = Math.max(1, Math.round(content.length * REPLACED_SHARE));
  for (let k = 0; k < replace && content.length > 0; k++) {
    const at = content.splice(Math.floor(random() * content.length), 1)[0] as number;
    const trailing = /[?.!,]+$/.exec(words[at] as string)?.[0] ?? '';
    words[at] = syntheticWord(Math.floor(random() * pool)) + trailing;
  }
  // Shuffle a little: swap one adjacent pair of inner words.
  if (words.length > 3) {
    const i = 1 + Math.floor(random() * (words.length - 3));
    [words[i], words[i + 1]] = [words[i + 1] as string, words[i] as string];
  }
  let out = words.join(' ');
  while (maxChars !== undefined && out.length > maxChars) out = out.slice(0, out.lastIndexOf(' '));
  return out;
}

/** The fact base `factor` times over: the originals plus factor − 1 perturbed copies of each fact. */
export function replicateFactBase(files: KnowledgeFiles, factor: number, seed = 7): KnowledgeFiles {
  const base = files.factBase as RawFactBase;
  const random = prng(seed);
  const pool = SYNTHETIC_WORDS_PER_COPY * factor;
  const facts: FactEntry[] = [...base.facts];
  for (let c = 1; c < factor; c++) {
    for (const f of base.facts) {
      facts.push({
        ...f,
        id: `${f.id}-c${c}`,
        sentences: [...f.sentences],
        questions: f.questions.map((q) => perturb(q, random, pool, MAX_QUESTION_CHARS)),
        keywords: f.keywords.map((k) => perturb(k, random, pool)),
      });
    }
  }
  return { ...files, factBase: { ...base, facts } };
}

export interface ScalePoint {
  readonly factor: number;
  readonly facts: number;
  readonly curatedQuestions: number;
  readonly build: BuildResult;
  /** Heap retained by the built knowledge (after a full GC), MB. */
  readonly heapMB: number;
  readonly answer: LatencyResult;
  readonly suggest: LatencyResult;
  /** Dev-set figures at this size: do the copies disturb the answers? */
  readonly devTop1: number;
  readonly devOfftopicAbstained: number;
}

export interface ScaleOptions {
  readonly buildRepeats: number;
  readonly answerPasses: number;
  readonly suggestPasses: number;
  readonly budgetMs: number;
}

export function measureScale(
  files: KnowledgeFiles,
  factor: number,
  dev: readonly EvalQuestion[],
  articleText: string,
  opts: ScaleOptions,
): ScalePoint {
  const scaled = factor === 1 ? files : replicateFactBase(files, factor);
  const raw = scaled.factBase as RawFactBase;
  const build = measureBuild(opts.buildRepeats, () => scaled);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  let knowledge: Knowledge | undefined = buildKnowledge(scaled);
  collectGarbage();
  const heapMB = (process.memoryUsage().heapUsed - before) / MB;
  const engine = knowledge.engine;
  const questions = dev.map((q) => q.q);
  const answer = perCallLatency(questions, (q) => engine.answer(q), { warmupPasses: 2, passes: opts.answerPasses, budgetMs: opts.budgetMs });
  const suggest = perCallLatency(autocompleteInputs(questions), (q) => engine.suggest(q, 25), {
    warmupPasses: 1,
    passes: opts.suggestPasses,
    budgetMs: opts.budgetMs,
  });
  const quality = score(dev, questions.map((q) => engine.answer(q)), articleText);
  knowledge = undefined;
  return {
    factor,
    facts: raw.facts.length,
    curatedQuestions: raw.facts.reduce((n, f) => n + f.questions.length, 0),
    build,
    heapMB,
    answer,
    suggest,
    devTop1: quality.top1,
    devOfftopicAbstained: quality.offtopicAbstained,
  };
}

export interface Growth {
  /** Exponent b of cost ∝ size^b between the two largest sizes (1 = linear). */
  readonly exponent: number;
  /** Cost ratio between the two largest sizes. */
  readonly ratio: number;
  readonly sizeRatio: number;
  readonly shape: 'sub-linear' | 'roughly linear' | 'super-linear';
}

export function growth(small: { size: number; cost: number }, large: { size: number; cost: number }): Growth {
  const sizeRatio = large.size / small.size;
  const ratio = large.cost / small.cost;
  const exponent = Math.log(ratio) / Math.log(sizeRatio);
  const shape = exponent < 0.8 ? 'sub-linear' : exponent > 1.2 ? 'super-linear' : 'roughly linear';
  return { exponent, ratio, sizeRatio, shape };
}

/**
 * The fact count at which the cost would reach `limit`, extrapolating cost ∝ size^b from the
 * largest measured point (with b fitted between the two largest). Undefined if cost does not grow.
 */
export function extrapolateSize(large: { size: number; cost: number }, g: Growth, limit: number): number | undefined {
  if (!(g.exponent > 0.05)) return undefined;
  return large.size * Math.pow(limit / large.cost, 1 / g.exponent);
}
