import type { Analyzer } from './analyzer.js';
import type { Classification, QuestionClassifier } from './classifier.js';
import { featuresOf, probability } from './decider.js';
import { numberValue } from './agreement.js';
import type { DeciderModel, FeatureVector } from './decider.js';
import { FactIndex } from './fact-index.js';
import type { IndexAnalysis } from './index-analysis.js';
import type { FactDoc, Ranking } from './fact-index.js';
import { askedToIdentify } from './identify.js';
import { determinedWords, isCheck, reportedClaim, splitMessage } from './message.js';
import { asMembership } from './membership.js';
import { QuestionCompleter } from './autocomplete.js';
import { answerFrom, noAnswer } from './answer-shape.js';
import type { MessagePart } from './message.js';
import { FactRefs } from './fact-refs.js';
import type { Answer, AnswerEngine, Article, Fact } from './types.js';
import { asksAboutNow, cleanQuestion, wordCount, words } from './text.js';

/** How much a word of a preamble counts next to a word of the clause that asks. */
const CONTEXT_WEIGHT = 0.25;
/** Pronouns that point back to something said before them. */
const ANAPHOR = /\b(?:they|them|their|it|its|this|that|these|those|he|him|his|she|her)\b/iu;
/** Words that ask whether what was just said holds ("Does the article agree?", "Can you confirm?"). */
const VERIFIES = /\b(?:agree|agrees|support|supports|confirm|confirms|back\s+up|backs\s+up|consistent|contradicts?|accurate|true|correct)\b/iu;
const MAX_SUGGESTIONS = 3;
/** Answered questions per message: the first, plus this many more. */
const MAX_MORE = 2;

/**
 * Until a model is fitted: answer when the best fact covers most of the question. The fitted
 * model in decider.json replaces it.
 */
export const FALLBACK_DECIDER: DeciderModel = {
  features: ['coverage', 'similarity'],
  weights: [6, 4],
  bias: -5.4,
  answerAt: 0.5,
  offerAt: 0.2,
};

export interface EngineSources {
  readonly analyzer: Analyzer;
  readonly facts: readonly Fact[];
  /** The sentences of each source document, by document id. */
  readonly documents: ReadonlyMap<string, Article>;
  /** Topic ids in the curator's order: a decline with nothing near suggests the first fact of each. */
  readonly topicOrder?: readonly string[];
  readonly decider?: DeciderModel;
  /** The fitted question classifier (classifier.json); without it, the index's ranking alone. */
  readonly classifier?: QuestionClassifier;
  /** The facts' texts as the analyzer read them (index-analysis.ts), in the facts' order. */
  readonly analysis: IndexAnalysis;
}

/** One clause of a message, ranked and weighed: what the decider and the fitting script read. */
export interface Evaluation {
  readonly part: MessagePart;
  readonly ranking: Ranking;
  readonly features: FeatureVector | null;
  readonly probability: number;
  /** The probabilities at which this clause is answered, or its nearest facts offered. */
  readonly thresholds: { readonly answerAt: number; readonly offerAt: number };
  /** Whether the clause is a question on its own: it names two things the fact base knows and points back to nothing. */
  readonly standsAlone: boolean;
}

/**
 * Ranks curated facts, not raw sentences, for each clause of a message that asks something, and
 * answers those the fitted decider trusts; offers the nearest facts when it is unsure.
 */
export class FactEngine implements AnswerEngine {
  private readonly analyzer: Analyzer;
  private readonly index: FactIndex;
  private readonly docs: readonly FactDoc[];
  private readonly byId = new Map<string, FactDoc>();
  private readonly refs: FactRefs;
  private readonly decider: DeciderModel;
  private readonly classifier: QuestionClassifier | undefined;
  private readonly isKnown = (term: string): boolean => this.index.isKnown(term);
  /** Autocomplete's table, built on the first keystroke rather than at start-up. */
  private completer: QuestionCompleter | undefined;
  /** Each curated question, as its words: asked word for word (autocomplete offers them), it answers its own fact. */
  private readonly curated = new Map<string, FactDoc>();

  constructor({ analyzer, facts, documents, topicOrder = [], decider = FALLBACK_DECIDER, classifier, analysis }: EngineSources) {
    this.analyzer = analyzer;
    this.classifier = classifier;
    this.decider = decider;
    this.index = new FactIndex(facts, analysis);
    this.docs = this.index.docs;
    this.refs = new FactRefs(this.docs, documents, topicOrder);
    for (const doc of this.docs) {
      this.byId.set(doc.fact.id, doc);
      doc.fact.questions.forEach((text) => {
        const key = words(text).join(' ');
        if (!this.curated.has(key)) this.curated.set(key, doc);
      });
    }
  }

  answer(question: string): Answer {
    const cleaned = cleanQuestion(question);
    const now = asksAboutNow(cleaned);
    const evaluations = this.evaluate(cleaned);
    if (evaluations.length === 0) return noAnswer('chatter', [], this.refs, { question: cleaned, confidence: 0, unanswered: [], now });

    const answered: Evaluation[] = [];
    const unanswered: string[] = [];
    for (const e of evaluations) {
      const best = e.ranking.ranked[0];
      // After a declined question, a clause that leans on it ("name please?", "how old is he?",
      // "is it in Astana?") asks about what the article did not answer: measured on the training
      // sets, such follow-ups were answered wrongly 34 times and rightly 11.
      const followsDecline = unanswered.length > 0 && !e.standsAlone;
      if (best && e.probability >= e.thresholds.answerAt && !followsDecline) {
        if (!answered.some((a) => a.ranking.ranked[0]?.doc === best.doc)) answered.push(e);
      } else {
        unanswered.push(e.part.text);
      }
    }
    const [first, ...rest] = answered;
    if (first) {
      const more = rest.slice(0, MAX_MORE).map((e) => this.answerOf(e, [], [], now));
      return this.answerOf(first, more, unanswered, now);
    }
    const byNearness = [...evaluations].sort((a, b) => b.probability - a.probability);
    const nearest = byNearness[0] as Evaluation;
    const outcome = nearest.probability >= nearest.thresholds.offerAt ? 'unsure' : 'decline';
    // Each clause's best fact first, the nearest clause's first: a did-you-mean for every question asked.
    const docs: FactDoc[] = [];
    for (let rank = 0; rank < MAX_SUGGESTIONS; rank++) {
      for (const e of byNearness) {
        const doc = e.ranking.ranked[rank]?.doc;
        if (doc && !docs.includes(doc) && docs.length < MAX_SUGGESTIONS) docs.push(doc);
      }
    }
    const near = docs.length > 0 ? docs : this.refs.featured().slice(0, MAX_SUGGESTIONS);
    return noAnswer(outcome, near, this.refs, { question: cleaned, confidence: nearest.probability, unanswered, now });
  }

  /**
   * Each clause of the message that asks something, ranked with its context words counting less;
   * chatter ("lol", "thanks!", "asking for a friend") is left out. Empty when nothing is asked.
   */
  evaluate(message: string): Evaluation[] {
    const out: Evaluation[] = [];
    let previous: string | undefined;
    for (const written of splitMessage(message)) {
      const shown = this.withLabel(written);
      // Answered and reported as written; analysed as the question that settles it.
      const part = this.withoutReporters(asMembership(shown));
      const clause = this.analyzer.analyze(part.text);
      // A clause that names two things the fact base knows is a question on its own: the scene-setting
      // around it ("my neighbour insists…", "I have old friends there") is left out.
      const selfContained = clause.terms.filter(this.isKnown).length >= 2;
      // Otherwise a pronoun in it ("what is it they actually established?") points to the statement
      // just before: that statement is part of the question, not scene-setting.
      // So does a clause that asks whether it holds ("Does the article agree?").
      const pointsBack = !selfContained && clause.terms.length > 0 && part.antecedent !== undefined && (ANAPHOR.test(part.text) || VERIFIES.test(part.text));
      const asked = pointsBack ? this.analyzer.analyze(`${part.antecedent} ${part.text}`) : clause;
      // A follow-up with only the previous question before it ("who proposed the zones? how long do
      // they last?"): its pronoun points to what that question named ("zones"), not to what it asked
      // ("proposed"). Not a yes/no follow-up ("was it Turkey?"): it checks the previous answer.
      const followUp = part.context === '' && part.antecedent === undefined && previous !== undefined && ANAPHOR.test(part.text) && !isCheck(part.text);
      const context = followUp ? determinedWords(previous as string) : part.context;
      // When the statement pointed to is the whole context, the question already is context + clause.
      const whole = context === '' || (selfContained && !followUp) || (pointsBack && context === part.antecedent);
      const analysis = whole ? asked : this.analyzer.analyze(`${context} ${part.text}`);
      if (analysis.terms.length === 0 || analysis.smalltalk) continue;
      previous = part.text;
      // "Is that actually right?" asks about its context: then the context is the question.
      const inQuestion = new Set(asked.terms.length > 0 && !asked.smalltalk ? asked.terms : analysis.terms);
      const indexed = this.index.rank(analysis, (t) => (inQuestion.has(t) ? 1 : CONTEXT_WEIGHT));
      const { classifier } = this;
      const classification = classifier?.classifyAnalysis(analysis, this.isKnown);
      const reranked = classifier && classification ? classifier.rerank(indexed, classification, (id) => this.byId.get(id)) : indexed;
      const own = part === shown && part.context === '' ? this.curated.get(words(part.text).join(' ')) : undefined;
      const ranking = own ? promote(reranked, own) : reranked;
      const features = featuresOf(ranking, this.index, classification, {
        check: isCheck(part.text),
        identify: askedToIdentify(part.text),
        words: wordCount(part.text) + wordCount(context),
      });
      const model = this.modelFor(ranking, classification);
      const thresholds = { answerAt: model.answerAt, offerAt: model.offerAt };
      const p = own ? 1 : features === null ? 0 : probability(model, features);
      out.push({ part: shown, ranking, features, probability: p, thresholds, standsAlone: selfContained && !ANAPHOR.test(part.text) });
    }
    return out;
  }

  /**
   * A heading the fact base knows a word of ("hama clashes: govt vs al-nusra?") is what the
   * question is about, so it is part of the question; any other ("For my essay:") only sets the scene.
   */
  private withLabel(part: MessagePart): MessagePart {
    const { label, ...rest } = part;
    if (label === undefined) return part;
    // "idlib: who holds it?" names a topic; "two qs: …" only counts questions, so it is context.
    if (this.analyzer.analyze(label).terms.some((t) => this.isKnown(t) && numberValue(t) === null)) return { ...rest, text: `${label}: ${part.text}` };
    return { ...rest, context: `${part.context} ${label}`.trim() };
  }

  /**
   * The clause, its context and the statement it points back to, each analysed without whoever a
   * claim is passed on from ("customer said idlib is…" as "idlib is…"), unless the fact base knows a
   * word of theirs ("Guterres said…", "the officials said…"): a stranger's words are not the question.
   */
  private withoutReporters(part: MessagePart): MessagePart {
    const claimOf = (statement: string): string => {
      const reported = reportedClaim(statement);
      return reported === null || this.analyzer.analyze(reported.reporter).terms.some(this.isKnown) ? statement : reported.claim;
    };
    const text = claimOf(part.text);
    const context = claimOf(part.context);
    const antecedent = part.antecedent === undefined ? undefined : claimOf(part.antecedent);
    if (text === part.text && context === part.context && antecedent === part.antecedent) return part;
    return { ...part, text, context, ...(antecedent === undefined ? {} : { antecedent }) };
  }

  /** The classified decider for a fact the classifier knows; the base decider for any other. */
  private modelFor(ranking: Ranking, classification: Classification | undefined) {
    const best = ranking.ranked[0];
    const known = best !== undefined && classification?.probability(best.doc.fact.id) !== undefined;
    return known && this.decider.classified ? this.decider.classified : this.decider;
  }

  answerFact(id: string): Answer | null {
    const doc = this.byId.get(id);
    if (!doc) return null;
    return answerFrom(doc, this.refs, { question: doc.fact.questions[0] as string, confidence: 1, unanswered: [], now: false }, []);
  }

  suggest(partial: string, limit = 25): string[] {
    return (this.completer ??= new QuestionCompleter(this.analyzer, this.index)).suggest(partial, limit);
  }

  private answerOf(e: Evaluation, more: readonly Answer[], unanswered: readonly string[], now: boolean): Answer {
    const best = (e.ranking.ranked[0] as { doc: FactDoc }).doc;
    return answerFrom(best, this.refs, { question: e.part.text, confidence: e.probability, unanswered, now }, more);
  }
}

/** The ranking with `doc` first: a curated question asked word for word is its own fact's. */
function promote(ranking: Ranking, doc: FactDoc): Ranking {
  const top = ranking.ranked[0]?.score ?? 0;
  const rest = ranking.ranked.filter((s) => s.doc !== doc);
  const own = ranking.ranked.find((s) => s.doc === doc) ?? { doc, coverage: 1, similarity: 1, score: 0 };
  return { ranked: [{ ...own, score: Math.max(own.score, top) }, ...rest], stats: ranking.stats };
}
