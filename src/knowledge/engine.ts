import type { Analysis, Analyzer, Intent } from './analyzer.js';
import type { Answer, AnswerEngine, Article, Fact, FactRef, Quote, Suggestion } from './types.js';
import { asksAboutNow, cleanQuestion, words } from './text.js';

/**
 * How much a term found in each part of a fact counts. Curated questions and keywords say what a
 * fact is about; its answer and its source sentence only mention things.
 */
const FIELD_WEIGHT = { question: 1, keyword: 1, answer: 0.75, sentence: 0.5 } as const;
/** A matching wh-word ("when", "how many") counts like a modest term, for ranking only. */
const INTENT_WEIGHT = 0.8;
/** Share of the question's content the best fact must cover, and overall score, to be answered. */
export const MIN_COVERAGE = 0.55;
export const MIN_CONFIDENCE = 0.4;
/** Within this ratio of the best score, a second fact is a near tie worth offering. */
const NEAR_TIE = 0.92;
/**
 * A question asking "when", "where", "how many", "how long" or "what did X say", put to a fact that
 * nobody asks that way, is probably one the fact can't answer: its coverage is scaled down. "What did
 * Nazarbayev say?" has every word in the fact base, but the article reports no words of his.
 */
const INTENT_MISS_FACTOR: Partial<Record<Intent, number>> = { when: 0.85, where: 0.85, count: 0.85, duration: 0.85, say: 0.5 };
/** Where a preamble ends and a question starts: dashes, colons, semicolons, sentence ends. */
const CLAUSE_BREAK = /\s[-\u2013\u2014]+\s|[\u2013\u2014:;]|(?<=[.!?])\s+/u;
/** How much a word of the preamble counts next to a word of the clause that asks. */
const PREAMBLE_WEIGHT = 0.25;
const MAX_QUOTES = 2;
const MAX_RELATED = 3;
const MAX_SUGGESTIONS = 3;

interface FactDoc {
  readonly fact: Fact;
  readonly questions: ReadonlyArray<{ readonly terms: ReadonlySet<string>; readonly intents: ReadonlySet<Intent>; readonly mass: number }>;
  readonly intents: ReadonlySet<Intent>;
}

interface Scored {
  readonly doc: FactDoc;
  readonly coverage: number;
  readonly similarity: number;
  readonly score: number;
}

export interface EngineSources {
  readonly analyzer: Analyzer;
  readonly facts: readonly Fact[];
  /** The sentences of each source document, by document id. */
  readonly documents: ReadonlyMap<string, Article>;
  /** Topic ids in the curator's order: abstentions suggest the first fact of each. */
  readonly topicOrder?: readonly string[];
}

/**
 * Ranks curated facts, not raw sentences: each fact is indexed by its questions, keywords,
 * answer and source sentences, with an inverted index so a question costs a few map lookups.
 */
export class FactEngine implements AnswerEngine {
  private readonly analyzer: Analyzer;
  private readonly documents: ReadonlyMap<string, Article>;
  private readonly docs: FactDoc[] = [];
  private readonly byId = new Map<string, FactDoc>();
  private readonly postings = new Map<string, Array<{ doc: number; weight: number }>>();
  private readonly idf = new Map<string, number>();
  private readonly unknownIdf: number;
  private readonly topicOrder: readonly string[];
  private readonly questionIndex: Array<{ text: string; lower: string; words: readonly string[]; doc: number }> = [];

  constructor({ analyzer, facts, documents, topicOrder = [] }: EngineSources) {
    this.analyzer = analyzer;
    this.documents = documents;
    this.topicOrder = topicOrder;
    analyzer.learn(facts.flatMap((f) => [...f.questions, ...f.keywords, f.answer, ...this.sentenceTexts(f)]));
    // Sentences are cited by several facts and questions are read twice: analyse each text once.
    const analysed = new Map<string, Analysis>();
    const analyse = (text: string) => {
      let a = analysed.get(text);
      if (a === undefined) {
        a = analyzer.analyze(text, { correct: false });
        analysed.set(text, a);
      }
      return a;
    };

    // Pass 1: the inverted index, each term weighted by the best field of the fact it occurs in.
    facts.forEach((fact, index) => {
      const weights = new Map<string, number>();
      const put = (text: string, weight: number) => {
        for (const term of analyse(text).terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
      };
      fact.questions.forEach((q) => put(q, FIELD_WEIGHT.question));
      fact.keywords.forEach((k) => put(k, FIELD_WEIGHT.keyword));
      put(fact.answer, FIELD_WEIGHT.answer);
      this.sentenceTexts(fact).forEach((s) => put(s, FIELD_WEIGHT.sentence));
      for (const [term, weight] of weights) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc: index, weight });
        this.postings.set(term, list);
      }
      fact.questions.forEach((text) => this.questionIndex.push({ text, lower: text.toLowerCase(), words: words(text), doc: index }));
    });

    // BM25's idf: a term in few facts tells more about which fact is meant.
    const n = facts.length;
    let maxIdf = 0;
    for (const [term, list] of this.postings) {
      const value = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      this.idf.set(term, value);
      maxIdf = Math.max(maxIdf, value);
    }
    // A word the fact base has never seen is as specific as the rarest word it has.
    this.unknownIdf = maxIdf;

    // Pass 2: each curated question as a weighted term set, for question-to-question similarity.
    for (const fact of facts) {
      const questions = fact.questions.map((q) => {
        const a = analyse(q);
        const mass = a.terms.reduce((sum, t) => sum + (this.idf.get(t) ?? 0), 0) + a.intents.length * INTENT_WEIGHT;
        return { terms: new Set(a.terms), intents: new Set(a.intents), mass };
      });
      const doc: FactDoc = { fact, questions, intents: new Set(questions.flatMap((q) => [...q.intents])) };
      this.docs.push(doc);
      this.byId.set(fact.id, doc);
    }
  }

  answer(question: string): Answer {
    const cleaned = cleanQuestion(question);
    const ranked = this.rankBestPart(cleaned);
    const best = ranked[0];
    const now = asksAboutNow(cleaned);
    if (!best || best.coverage < MIN_COVERAGE || this.confidenceOf(best) < MIN_CONFIDENCE) {
      return this.abstain(cleaned, ranked, now, best ? this.confidenceOf(best) : 0);
    }
    const second = ranked.find((s) => s.doc !== best.doc && s.coverage >= MIN_COVERAGE);
    const alternative = second && second.score >= best.score * NEAR_TIE ? this.ref(second.doc) : null;
    return {
      outcome: 'answer',
      document: best.doc.fact.source,
      verdict: null,
      more: [],
      unanswered: [],
      question: cleaned,
      answered: true,
      answer: best.doc.fact.answer,
      confidence: round(this.confidenceOf(best)),
      factId: best.doc.fact.id,
      topic: best.doc.fact.topic,
      quotes: this.quotes(best.doc.fact),
      related: this.related(best.doc),
      alternative,
      suggestions: [],
      asksAboutNow: now,
    };
  }

  answerFact(id: string): Answer | null {
    const doc = this.byId.get(id);
    if (!doc) return null;
    return {
      outcome: 'answer',
      document: doc.fact.source,
      verdict: null,
      more: [],
      unanswered: [],
      question: doc.fact.questions[0] as string,
      answered: true,
      answer: doc.fact.answer,
      confidence: 1,
      factId: doc.fact.id,
      topic: doc.fact.topic,
      quotes: this.quotes(doc.fact),
      related: this.related(doc),
      alternative: null,
      suggestions: [],
      asksAboutNow: false,
    };
  }

  suggest(partial: string, limit = 25): string[] {
    const typed = cleanQuestion(partial).toLowerCase();
    if (typed === '') return this.docs.slice(0, limit).map((d) => d.fact.questions[0] as string);
    const typedWords = words(typed);
    const last = typedWords[typedWords.length - 1] ?? '';
    const factScore = new Map(this.rank(this.analyzer.analyze(typed)).map((s) => [s.doc, s.score]));
    const scored: Array<{ text: string; score: number }> = [];
    for (const q of this.questionIndex) {
      let score = q.lower.startsWith(typed) ? 3 : q.lower.includes(typed) ? 2 : 0;
      // The last word is usually still being typed, so it counts as a prefix.
      if (last.length >= 2 && q.words.some((w) => w.startsWith(last))) score += 0.5;
      score += factScore.get(this.docs[q.doc] as FactDoc) ?? 0;
      if (score > 0) scored.push({ text: q.text, score });
    }
    scored.sort((a, b) => b.score - a.score);
    const out: string[] = [];
    for (const { text } of scored) {
      if (!out.includes(text)) out.push(text);
      if (out.length >= limit) break;
    }
    return out;
  }

  /**
   * People wrap questions in context ("For my essay I need to list them — who are the guarantors?").
   * Words outside the clause that asks count less, so a preamble neither sinks the question with
   * words the fact base lacks nor decides it; the question keeps what the preamble names.
   */
  private rankBestPart(question: string): Scored[] {
    const analysis = this.analyzer.analyze(question);
    const parts = question.split(CLAUSE_BREAK).filter((p) => /\p{L}/u.test(p));
    if (parts.length < 2) return this.rank(analysis);
    const asking = [...parts].reverse().find((p) => /\?\s*$/.test(p)) ?? (parts[parts.length - 1] as string);
    const inQuestion = new Set(this.analyzer.analyze(asking).terms);
    return this.rank(analysis, (term) => (inQuestion.has(term) ? 1 : PREAMBLE_WEIGHT));
  }

  /** Facts scored against an analysed question, best first. */
  private rank(analysis: Analysis, emphasis: (term: string) => number = () => 1): Scored[] {
    const { terms, intents } = analysis;
    if (terms.length === 0 || analysis.smalltalk) return [];
    const matched = new Map<number, number>();
    let mass = 0;
    let knownMass = 0;
    for (const term of terms) {
      const idf = this.idf.get(term);
      const w = emphasis(term);
      if (idf === undefined) {
        mass += this.unknownIdf * unknownWeight(term, analysis) * w;
        continue;
      }
      mass += idf * w;
      knownMass += idf;
      for (const { doc, weight } of this.postings.get(term) ?? []) matched.set(doc, (matched.get(doc) ?? 0) + idf * weight * w);
    }
    const intentMass = intents.length * INTENT_WEIGHT;
    const out: Scored[] = [];
    for (const [index, sum] of matched) {
      const doc = this.docs[index] as FactDoc;
      let similarity = 0;
      for (const q of doc.questions) {
        let shared = 0;
        for (const t of terms) if (q.terms.has(t)) shared += this.idf.get(t) ?? 0;
        for (const i of intents) if (q.intents.has(i)) shared += INTENT_WEIGHT;
        const denominator = Math.sqrt((knownMass + intentMass) * q.mass);
        if (denominator > 0) similarity = Math.max(similarity, shared / denominator);
      }
      let factor = 1;
      for (const i of intents) if (!doc.intents.has(i)) factor = Math.min(factor, INTENT_MISS_FACTOR[i] ?? 1);
      const coverage = (sum / mass) * factor;
      const intentFit = intents.some((i) => doc.intents.has(i)) ? 0.05 : 0;
      out.push({ doc, coverage, similarity, score: 0.5 * coverage + 0.45 * similarity + intentFit });
    }
    out.sort((a, b) => b.score - a.score || a.doc.fact.id.localeCompare(b.doc.fact.id));
    return out;
  }

  private confidenceOf(s: Scored): number {
    return Math.min(1, Math.max(0, 0.6 * s.coverage + 0.4 * s.similarity));
  }

  private abstain(question: string, ranked: readonly Scored[], now: boolean, confidence: number): Answer {
    const near = ranked.slice(0, MAX_SUGGESTIONS).map((s) => s.doc);
    const docs = near.length > 0 ? near : this.featured();
    return {
      outcome: near.length > 0 ? 'unsure' : 'decline',
      document: null,
      verdict: null,
      more: [],
      unanswered: [question],
      question,
      answered: false,
      answer: null,
      confidence: round(confidence),
      factId: null,
      topic: null,
      quotes: [],
      related: [],
      alternative: null,
      suggestions: docs.slice(0, MAX_SUGGESTIONS).map((d) => this.suggestion(d)),
      asksAboutNow: now,
    };
  }

  /** The first fact of each topic, topics in the curator's order: a tour of what the article covers. */
  private featured(): FactDoc[] {
    const rank = (topic: string) => {
      const i = this.topicOrder.indexOf(topic);
      return i === -1 ? this.topicOrder.length : i;
    };
    const seen = new Set<string>();
    const firsts = this.docs.filter((d) => !seen.has(d.fact.topic) && seen.add(d.fact.topic));
    return firsts.sort((a, b) => rank(a.fact.topic) - rank(b.fact.topic));
  }

  /**
   * A function of the fact alone (its topic, then facts quoting the same sentence), so a "Related"
   * button that carries only the fact id shows the same list as the answer it sits under.
   */
  private related(best: FactDoc): FactRef[] {
    const picked: FactDoc[] = [];
    const consider = (doc: FactDoc) => {
      if (doc !== best && !picked.includes(doc) && picked.length < MAX_RELATED) picked.push(doc);
    };
    for (const doc of this.docs) if (doc.fact.topic === best.fact.topic && doc.fact.source === best.fact.source) consider(doc);
    for (const doc of this.docs) {
      if (doc.fact.source === best.fact.source && doc.fact.sentences.some((n) => best.fact.sentences.includes(n))) consider(doc);
    }
    return picked.map((d) => this.ref(d));
  }

  private ref(doc: FactDoc): FactRef {
    return { id: doc.fact.id, document: doc.fact.source, answer: doc.fact.answer, question: doc.fact.questions[0] as string };
  }

  private suggestion(doc: FactDoc): Suggestion {
    return { ...this.ref(doc), quotes: this.quotes(doc.fact) };
  }

  private quotes(fact: Fact): Quote[] {
    const article = this.documents.get(fact.source);
    if (!article) return [];
    return fact.sentences.slice(0, MAX_QUOTES).flatMap((n) => {
      const s = article.sentences[n - 1];
      return s ? [{ sentence: s.n, text: s.text }] : [];
    });
  }

  private sentenceTexts(fact: Fact): string[] {
    const article = this.documents.get(fact.source);
    return fact.sentences.flatMap((n) => article?.sentences[n - 1]?.text ?? []);
  }
}

/**
 * How strongly a word the fact base has never seen argues against answering, in units of the
 * rarest known word. A name ("Hamlet", "Israel") points away from the article, more than any one
 * known word points to it; a plain word ("provision", "misgivings") is more often just another way
 * of asking. Without capitals the two can't be told apart.
 */
const UNKNOWN_WEIGHT = { name: 1.5, opener: 1, word: 0.7, caseless: 0.8 } as const;

function unknownWeight(term: string, analysis: Analysis): number {
  if (analysis.caseless) return UNKNOWN_WEIGHT.caseless;
  if (analysis.names.has(term)) return UNKNOWN_WEIGHT.name;
  // A question rarely opens with a plain word the fact base lacks: it is probably a name.
  return analysis.openers.has(term) ? UNKNOWN_WEIGHT.opener : UNKNOWN_WEIGHT.word;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
