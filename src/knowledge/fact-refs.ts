import type { FactDoc } from './fact-index.js';
import type { Article, Fact, FactRef, Quote, Suggestion } from './types.js';

const MAX_QUOTES = 2;
const MAX_RELATED = 3;

/**
 * What an answer shows besides its own fact: the quotes, the related facts, the did-you-mean
 * choices and the tour of topics. Each depends on the fact alone, so it is worked out once and
 * shared, frozen, by every answer.
 */
export class FactRefs {
  private readonly relatedCache = new Map<FactDoc, readonly FactRef[]>();
  private readonly quoteCache = new Map<Fact, readonly Quote[]>();
  private readonly suggestionCache = new Map<FactDoc, Suggestion>();
  private featuredDocs: readonly FactDoc[] | undefined;

  constructor(
    private readonly docs: readonly FactDoc[],
    private readonly documents: ReadonlyMap<string, Article>,
    private readonly topicOrder: readonly string[],
  ) {}

  /** The first sentences the fact cites, verbatim, looked up by number. */
  quotes(fact: Fact): readonly Quote[] {
    let quotes = this.quoteCache.get(fact);
    if (!quotes) this.quoteCache.set(fact, (quotes = Object.freeze(this.quotesOf(fact).map((q) => Object.freeze(q)))));
    return quotes;
  }

  /**
   * A function of the fact alone (its topic, then facts quoting the same sentence), so a "Related"
   * button that carries only the fact id shows the same list as the answer it sits under.
   */
  related(best: FactDoc): readonly FactRef[] {
    let refs = this.relatedCache.get(best);
    if (!refs) this.relatedCache.set(best, (refs = Object.freeze(this.relatedOf(best).map((r) => Object.freeze(r)))));
    return refs;
  }

  suggestion(doc: FactDoc): Suggestion {
    let suggestion = this.suggestionCache.get(doc);
    if (!suggestion) this.suggestionCache.set(doc, (suggestion = Object.freeze({ ...this.ref(doc), quotes: this.quotes(doc.fact) })));
    return suggestion;
  }

  /** The first fact of each topic, topics in the curator's order: a tour of what the article covers. */
  featured(): readonly FactDoc[] {
    return (this.featuredDocs ??= Object.freeze(this.featuredOf()));
  }

  private featuredOf(): FactDoc[] {
    const rank = (topic: string) => {
      const i = this.topicOrder.indexOf(topic);
      return i === -1 ? this.topicOrder.length : i;
    };
    const seen = new Set<string>();
    const firsts = this.docs.filter((d) => !seen.has(d.fact.topic) && seen.add(d.fact.topic));
    return firsts.sort((a, b) => rank(a.fact.topic) - rank(b.fact.topic));
  }

  private ref(doc: FactDoc): FactRef {
    return { id: doc.fact.id, document: doc.fact.source, answer: doc.fact.answer, question: doc.fact.questions[0] as string };
  }

  private relatedOf(best: FactDoc): FactRef[] {
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

  private quotesOf(fact: Fact): Quote[] {
    const article = this.documents.get(fact.source);
    if (!article) return [];
    return fact.sentences.slice(0, MAX_QUOTES).flatMap((n) => {
      const s = article.sentences[n - 1];
      return s ? [{ sentence: s.n, text: s.text }] : [];
    });
  }
}
