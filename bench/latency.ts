/** Per-call latency with process.hrtime.bigint: warm-up passes, then timed passes within a time budget. */
import { buildKnowledge, readKnowledgeFiles, type KnowledgeFiles } from '../src/knowledge/index.js';
import { median, msBetween, summarize, timed, type Summary } from './stats.js';

export interface LatencyOptions {
  /** Untimed passes over the inputs first (JIT warm-up). */
  readonly warmupPasses: number;
  /** Timed passes over the inputs. */
  readonly passes: number;
  /** Stop starting new passes after this long (at least one timed pass always runs). */
  readonly budgetMs: number;
}

export interface LatencyResult extends Summary {
  readonly passes: number;
}

/** Keeps results observable so no call can be optimised away. */
let sink = 0;
export function consumed(): number {
  return sink;
}

export function perCallLatency(inputs: readonly string[], fn: (input: string) => unknown, opts: LatencyOptions): LatencyResult {
  for (let p = 0; p < opts.warmupPasses; p++) for (const input of inputs) sink ^= fn(input) === undefined ? 1 : 0;
  const samples: number[] = [];
  const started = process.hrtime.bigint();
  let passes = 0;
  while (passes < opts.passes && (passes === 0 || msBetween(started, process.hrtime.bigint()) < opts.budgetMs)) {
    for (const input of inputs) {
      const t0 = process.hrtime.bigint();
      const out = fn(input);
      const t1 = process.hrtime.bigint();
      sink ^= out === undefined ? 1 : 0;
      samples.push(msBetween(t0, t1));
    }
    passes++;
  }
  return { ...summarize(samples), passes };
}

export interface BuildResult {
  /** The first build in this process (cold JIT, files read from disk). */
  readonly coldMs: number;
  readonly medianMs: number;
  readonly repeats: number;
}

/** `buildKnowledge(read())`: once cold, then `repeats` more for the median. */
export function measureBuild(repeats: number, read: () => KnowledgeFiles = () => readKnowledgeFiles()): BuildResult {
  const cold = timed(() => buildKnowledge(read())).ms;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(timed(() => buildKnowledge(read())).ms);
  return { coldMs: cold, medianMs: median(times), repeats };
}

/** What people type before picking a suggestion: each question cut at a third and at two thirds. */
export function autocompleteInputs(questions: readonly string[]): string[] {
  return questions.flatMap((q) => [q.slice(0, Math.max(1, Math.round(q.length / 3))), q.slice(0, Math.round((2 * q.length) / 3))]);
}
