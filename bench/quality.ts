/** Answer quality: the official scorer (TS port) applied to each answerer and question set. */
import { readdirSync } from 'node:fs';
import { heldOutSets } from '../test/helpers/held-out.js';
import { readQuestions, score, type EvalQuestion, type EvalScore } from '../test/knowledge/scoring.js';
import type { Answerer } from './baselines.js';

export interface QuestionSet {
  readonly key: string;
  readonly label: string;
  readonly questions: readonly EvalQuestion[];
}

export interface QualityResult {
  readonly answerer: string;
  readonly set: string;
  readonly counts: { answerable: number; offtopic: number; unanswerable: number };
  readonly score: EvalScore;
}

const FIXTURES = new URL('../test/fixtures/', import.meta.url);

/**
 * Every set in test/fixtures, the dev set first (the one the targets apply to), then the others in
 * their numeric order. All but the held-out sets (test/fixtures/held-out.json, labelled so) are
 * in-sample: each has been used to fit the classifier and the decider once it was first scored
 * (README, "Answer quality").
 */
export function loadQuestionSets(): QuestionSet[] {
  const keys = readdirSync(FIXTURES)
    .map((f) => /^questions\.(.+)\.jsonl$/.exec(f)?.[1])
    .filter((k): k is string => k !== undefined)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
  const heldOut = new Set(heldOutSets());
  return keys.map((key) => ({ key, label: heldOut.has(`questions.${key}.jsonl`) ? `${key} (held out)` : key, questions: readQuestions(new URL(`questions.${key}.jsonl`, FIXTURES)) }));
}

/** dev, then paraphrase, then blind sets, then training sets. */
function rank(key: string): number {
  return key === 'dev' ? 0 : key === 'paraphrase' ? 1 : key.startsWith('blind') ? 2 : 3;
}

export function countKinds(questions: readonly EvalQuestion[]): QualityResult['counts'] {
  const counts = { answerable: 0, offtopic: 0, unanswerable: 0 };
  for (const q of questions) counts[q.kind]++;
  return counts;
}

export function evaluate(answerer: Answerer, set: QuestionSet, articleText: string): QualityResult {
  const answers = set.questions.map((q) => answerer.answer(q.q));
  return { answerer: answerer.key, set: set.key, counts: countKinds(set.questions), score: score(set.questions, answers, articleText) };
}
