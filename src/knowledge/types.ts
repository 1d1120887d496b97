import type { PrebuiltStatus } from './prebuilt.js';

/** One sentence of a source document, numbered from 1 in reading order (headline first, byline last). */
export interface Sentence {
  readonly n: number;
  readonly text: string;
  /** 0 for the headline, 1.. for body paragraphs, -1 for the byline. */
  readonly paragraph: number;
}

export interface Article {
  readonly id: string;
  /** The year of the events reported: answers about "now" get a caveat naming it. */
  readonly year: number;
  readonly headline: string;
  readonly byline: string;
  readonly paragraphs: readonly string[];
  readonly sentences: readonly Sentence[];
  /** The document's own names: an answer's word (lower-cased) → phrases standing for it in the text. */
  readonly aliases?: ReadonlyMap<string, readonly string[]>;
}

export interface Fact {
  readonly id: string;
  readonly source: string;
  readonly topic: string;
  readonly answer: string;
  readonly sentences: readonly number[];
  readonly keywords: readonly string[];
  readonly questions: readonly string[];
  /** Fingerprint of the cited sentences' text when the fact was last reviewed. */
  readonly stamp?: string;
}

export interface Topic {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface Quote {
  readonly sentence: number;
  readonly text: string;
}

export interface FactRef {
  readonly id: string;
  /** The document the fact is drawn from: its sentences are numbered within it. */
  readonly document: string;
  readonly answer: string;
  /** The fact's first curated question: a short label for buttons and menus. */
  readonly question: string;
}

/** A "did you mean" choice: a fact close to what was asked, with the quotes that back it. */
export interface Suggestion extends FactRef {
  readonly quotes: readonly Quote[];
}

/**
 * What the engine made of a message:
 * - `answer`: the evidence is strong, `answer` and `quotes` hold the best fact;
 * - `unsure`: one to three facts come close, offered in `suggestions` nearest first;
 * - `decline`: plainly outside the article (`suggestions` at most generic pointers);
 * - `chatter`: greetings, thanks and small talk, nothing to look up (not an unanswered question).
 */
export type Outcome = 'answer' | 'unsure' | 'decline' | 'chatter';

export interface Answer {
  readonly outcome: Outcome;
  /** The document the quotes come from (null when nothing is answered). */
  readonly document: string | null;
  /** The question as the engine saw it (trimmed, control characters removed, capped). */
  readonly question: string;
  readonly answered: boolean;
  /** The best fact's answer, or null when the engine abstains. */
  readonly answer: string | null;
  /** In [0, 1]. */
  readonly confidence: number;
  readonly factId: string | null;
  readonly topic: string | null;
  /** Verbatim article sentences supporting the answer, best first (one or two). Empty on abstention. */
  readonly quotes: readonly Quote[];
  /** Up to 3 facts worth reading next. */
  readonly related: readonly FactRef[];
  /** A second fact that scored almost as well as the best one (a near tie), else null. */
  readonly alternative: FactRef | null;
  /** When not answered: up to 3 facts, nearest first (empty when answered). */
  readonly suggestions: readonly Suggestion[];
  /** "Yes"/"No" when a yes/no question is settled by the fact itself, else null (never a guess). */
  readonly verdict: 'yes' | 'no' | null;
  /** The other questions of the same message that were answered (each an `answer` outcome), at most 2. */
  readonly more: readonly Answer[];
  /** Parts of the message that ask something the article doesn't answer, as written (cleaned). */
  readonly unanswered: readonly string[];
  /** The question asks about "now"/"today"/"currently": the article reports 2017 events. */
  readonly asksAboutNow: boolean;
}

export interface AnswerEngine {
  answer(question: string): Answer;
  /** The answer for one fact by id (for buttons and menus), or null if there is no such fact. */
  answerFact(id: string): Answer | null;
  /** Curated questions ranked for what is being typed, at most `limit` (autocomplete). */
  suggest(partial: string, limit?: number): string[];
}

export interface Knowledge {
  /**
   * Whether the index was read from prebuilt.json ('current') or built from the facts' texts, and
   * why ('stale', 'malformed', 'missing'): the host is told to run `npm run build:index`.
   */
  readonly prebuilt?: PrebuiltStatus;
  /** The first (primary) document: the one the bot introduces itself with. */
  readonly article: Article;
  /** Every document, by id, in the fact base's order. */
  readonly documents: ReadonlyMap<string, Article>;
  readonly facts: readonly Fact[];
  readonly topics: readonly Topic[];
  readonly engine: AnswerEngine;
  fact(id: string): Fact | undefined;
  factsInTopic(topicId: string): readonly Fact[];
  /** Sentence n of a document (default: the primary one) with up to `radius` neighbours on each side. */
  context(n: number, radius?: number, documentId?: string): readonly Sentence[];
}
