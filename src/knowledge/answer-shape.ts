/**
 * The engine's two kinds of result as the `Answer` contract (types.ts): an answered fact with its
 * quotes, or a clause left unanswered with the facts nearest to it. Kept apart from the engine so
 * the contract's every field is written in one place.
 */
import type { FactDoc } from './fact-index.js';
import type { FactRefs } from './fact-refs.js';
import type { Answer } from './types.js';

/** What was asked, as every result reports it. */
export interface Asked {
  readonly question: string;
  readonly confidence: number;
  /** Clauses of the message that went unanswered. */
  readonly unanswered: readonly string[];
  /** The question asks about "now", which the article's year can't speak for. */
  readonly now: boolean;
}

export function answerFrom(doc: FactDoc, refs: FactRefs, asked: Asked, more: readonly Answer[]): Answer {
  return {
    outcome: 'answer',
    document: doc.fact.source,
    question: asked.question,
    answered: true,
    answer: doc.fact.answer,
    confidence: round(asked.confidence),
    factId: doc.fact.id,
    topic: doc.fact.topic,
    quotes: refs.quotes(doc.fact),
    related: refs.related(doc),
    alternative: null,
    suggestions: [],
    verdict: null,
    more,
    unanswered: asked.unanswered,
    asksAboutNow: asked.now,
  };
}

/** Not answered: `near` are offered as did-you-mean suggestions, nearest first. */
export function noAnswer(outcome: Answer['outcome'], near: readonly FactDoc[], refs: FactRefs, asked: Asked): Answer {
  return {
    outcome,
    document: null,
    question: asked.question,
    answered: false,
    answer: null,
    confidence: round(asked.confidence),
    factId: null,
    topic: null,
    quotes: [],
    related: [],
    alternative: null,
    suggestions: near.map((d) => refs.suggestion(d)),
    verdict: null,
    more: [],
    unanswered: asked.unanswered,
    asksAboutNow: asked.now,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
