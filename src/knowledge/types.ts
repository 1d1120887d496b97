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
}

export interface Fact {
  readonly id: string;
  readonly source: string;
  readonly topic: string;
  readonly answer: string;
  readonly sentences: readonly number[];
  readonly keywords: readonly string[];
  readonly questions: readonly string[];
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
  readonly answer: string;
  /** The fact's first curated question: a short label for buttons and menus. */
  readonly question: string;
}

export interface Answer {
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
  /** On abstention: up to 3 curated questions the article can answer. */
  readonly suggestions: readonly string[];
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
  readonly article: Article;
  readonly facts: readonly Fact[];
  readonly topics: readonly Topic[];
  readonly engine: AnswerEngine;
  fact(id: string): Fact | undefined;
  factsInTopic(topicId: string): readonly Fact[];
  /** Sentence n with up to `radius` neighbours on each side. */
  context(n: number, radius?: number): readonly Sentence[];
}
