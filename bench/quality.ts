/** Answer quality: the official scorer (TS port) applied to each answerer and question set. */
import { existsSync } from 'node:fs';
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

/** The dev set first (the one the targets apply to), then the generalisation sets that exist. */
export const SET_FILES = [
  { key: 'dev', file: 'questions.dev.jsonl', label: 'dev (public)' },
  { key: 'paraphrase', file: 'questions.paraphrase.jsonl', label: 'paraphrase' },
  { key: 'blind', file: 'questions.blind.jsonl', label: 'blind' },
  { key: 'blind2', file: 'questions.blind2.jsonl', label: 'blind2' },
  { key: 'blind3', file: 'questions.blind3.jsonl', label: 'blind3' },
  { key: 'blind4', file: 'questions.blind4.jsonl', label: 'blind4' },
  { key: 'blind5', file: 'questions.blind5.jsonl', label: 'blind5' },
  { key: 'blind6', file: 'questions.blind6.jsonl', label: 'blind6' },
  { key: 'blind7', file: 'questions.blind7.jsonl', label: 'blind7' },
  { key: 'blind8', file: 'questions.blind8.jsonl', label: 'blind8' },
  { key: 'blind9', file: 'questions.blind9.jsonl', label: 'blind9' },
  { key: 'blind10', file: 'questions.blind10.jsonl', label: 'blind10 (Discord chat)' },
  { key: 'blind11', file: 'questions.blind11.jsonl', label: 'blind11 (context, yes/no, premises)' },
  { key: 'blind12', file: 'questions.blind12.jsonl', label: 'blind12 (Discord mixed)' },
  { key: 'blind13', file: 'questions.blind13.jsonl', label: 'blind13 (skimmers, premises)' },
  { key: 'blind14', file: 'questions.blind14.jsonl', label: 'blind14 (mixed)' },
  { key: 'blind15', file: 'questions.blind15.jsonl', label: 'blind15 (personalities)' },
  { key: 'blind16', file: 'questions.blind16.jsonl', label: 'blind16 (Discord voices)' },
  { key: 'blind17', file: 'questions.blind17.jsonl', label: 'blind17 (busy server)' },
  { key: 'blind18', file: 'questions.blind18.jsonl', label: 'blind18 (held out)' },
  { key: 'blind19', file: 'questions.blind19.jsonl', label: 'blind19 (held out)' },
] as const;

export function loadQuestionSets(): QuestionSet[] {
  return SET_FILES.flatMap(({ key, file, label }) => {
    const url = new URL(file, FIXTURES);
    return existsSync(url) ? [{ key, label, questions: readQuestions(url) }] : [];
  });
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
