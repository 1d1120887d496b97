import type { Analysis, Intent } from './analyzer.js';
import type { IndexAnalysis } from './index-analysis.js';
import type { Fact } from './types.js';

/** A matching wh-word ("when", "how many") counts like a modest term, for ranking only. */
const INTENT_WEIGHT = 0.8;
/**
 * A question asking "when", "where", "how many", "how long" or "what did X say", put to a fact that
 * nobody asks that way, is probably one the fact can't answer: its coverage is scaled down.
 */
const INTENT_MISS_FACTOR: ReadonlyMap<Intent, number> = new Map([
  ['when', 0.85],
  ['where', 0.85],
  ['count', 0.85],
  ['duration', 0.85],
  ['say', 0.5],
]);
/**
 * How strongly a word the fact base has never seen argues against answering, in units of the
 * rarest known word. A name ("Hamlet", "Israel") points away from the article more than a plain
 * word ("misgivings"), which is more often just another way of asking.
 */
const UNKNOWN_WEIGHT = { name: 1.5, opener: 1, word: 0.7, caseless: 0.8 } as const;

export interface FactDoc {
  readonly fact: Fact;
  readonly index: number;
  /** The fact's place when ids are sorted (by code unit): ties in a ranking go to the first. */
  readonly order: number;
  /** Every term of the fact, with the weight of the best field it occurs in. */
  readonly terms: ReadonlyMap<string, number>;
  /** Each curated question's terms and intents; `termMass` sums its terms' idf, `mass` adds its intents. */
  readonly questions: ReadonlyArray<{ readonly terms: ReadonlySet<string>; readonly intents: ReadonlySet<Intent>; readonly termMass: number; readonly mass: number }>;
  readonly intents: ReadonlySet<Intent>;
  /** Stems its answer and sentences mention only indefinitely ("an observer group"): identify.ts. */
  readonly unnamed: ReadonlySet<string>;
}

export interface Scored {
  readonly doc: FactDoc;
  readonly coverage: number;
  readonly similarity: number;
  readonly score: number;
}

/** What a ranked question weighed: the evidence the decider reads besides the best facts. */
export interface QueryStats {
  readonly analysis: Analysis;
  /** What each term of the question weighs: its idf (or an unknown word's), times its emphasis. */
  readonly termMass: ReadonlyMap<string, number>;
  /** Total idf mass of the question, unknown words included. */
  readonly mass: number;
  readonly unknownNameMass: number;
  readonly unknownWordMass: number;
}

export interface Ranking {
  readonly ranked: readonly Scored[];
  readonly stats: QueryStats;
}

/** An inverted index over curated facts, so a question costs a few map lookups. */
export class FactIndex {
  readonly docs: FactDoc[] = [];
  private readonly postings = new Map<string, Array<{ doc: number; weight: number }>>();
  private readonly idfs = new Map<string, number>();
  /** Terms the indexed texts write as names ("Idlib", "Russian Federation"): what a question is about. */
  readonly entities = new Set<string>();
  private readonly unknownIdf: number;
  /**
   * Every curated question numbered across facts: which questions hold each term and each intent,
   * so a question's similarity to them costs its terms' postings, not facts × questions × terms.
   */
  private readonly questionPostings = new Map<string, number[]>();
  private readonly intentPostings = new Map<Intent, number[]>();
  private readonly questionMass: number[] = [];
  /** The curated questions of fact i are numbers questionStart[i] to questionStart[i + 1] - 1. */
  private readonly questionStart: number[] = [0];
  /** Scratch, per curated question: the idf mass it shares with the question being ranked. */
  private readonly shared: Float64Array;
  /**
   * Scratch, per fact: the question's summed weight on it, and the facts touched in the order they
   * were first met (every addend is positive, so a zero sum means untouched). A Map here boxed every
   * running sum, most of a ranking's garbage.
   */
  private readonly docSum: Float64Array;
  private readonly touched: Int32Array;

  /** `analysis`: the fact base's texts as the analyzer read them (index-analysis.ts), in the facts' order. */
  constructor(facts: readonly Fact[], analysis: IndexAnalysis) {
    for (const t of analysis.entities) this.entities.add(t);
    analysis.facts.forEach(({ terms }, index) => {
      for (const [term, weight] of terms) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc: index, weight });
        this.postings.set(term, list);
      }
    });
    // BM25's idf: a term in few facts tells more about which fact is meant.
    const n = facts.length;
    let maxIdf = 0;
    for (const [term, list] of this.postings) {
      const value = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      this.idfs.set(term, value);
      maxIdf = Math.max(maxIdf, value);
    }
    // A word the fact base has never seen is as specific as the rarest word it has.
    this.unknownIdf = maxIdf;
    // Ties are settled by id, compared by code unit: the same order localeCompare gives kebab-case ids
    // in English, without the host's locale (or ~6 ms of ICU start-up) deciding it. Comparing ids on
    // every tie was ~3% of a question's time.
    const orderOf = new Map(facts.map((f) => f.id).sort().map((id, order) => [id, order]));
    facts.forEach((fact, index) => {
      const read = analysis.facts[index];
      if (read === undefined) throw new Error(`fact ${fact.id} has no analysis`);
      const questions = read.questions.map(({ terms, intents }) => {
        const termMass = terms.reduce((sum, t) => sum + this.idf(t), 0);
        return { terms: new Set(terms), intents: new Set(intents), termMass, mass: termMass + intents.length * INTENT_WEIGHT };
      });
      this.docs.push({ fact, index, order: orderOf.get(fact.id) as number, terms: new Map(read.terms), questions, intents: new Set(questions.flatMap((q) => [...q.intents])), unnamed: new Set(read.unnamed) });
      for (const q of questions) {
        const id = this.questionMass.length;
        this.questionMass.push(q.mass);
        for (const t of q.terms) append(this.questionPostings, t, id);
        for (const i of q.intents) append(this.intentPostings, i, id);
      }
      this.questionStart.push(this.questionMass.length);
    });
    this.shared = new Float64Array(this.questionMass.length);
    this.docSum = new Float64Array(facts.length);
    this.touched = new Int32Array(facts.length);
  }

  idf(term: string): number {
    return this.idfs.get(term) ?? 0;
  }

  isKnown(term: string): boolean {
    return this.idfs.has(term);
  }

  /** Facts scored against an analysed question, best first. */
  rank(analysis: Analysis, emphasisOf: (term: string) => number = () => 1): Ranking {
    const { terms, intents } = analysis;
    const { docSum, touched } = this;
    let touchedCount = 0;
    const termMass = new Map<string, number>();
    let mass = 0;
    let knownMass = 0;
    let unknownNameMass = 0;
    let unknownWordMass = 0;
    for (const term of terms) {
      const w = emphasisOf(term);
      const idf = this.idfs.get(term);
      if (idf === undefined) {
        const kind = unknownKind(term, analysis);
        const m = this.unknownIdf * UNKNOWN_WEIGHT[kind] * w;
        mass += m;
        termMass.set(term, m);
        if (kind === 'name') unknownNameMass += m;
        else unknownWordMass += m;
        continue;
      }
      mass += idf * w;
      termMass.set(term, idf * w);
      knownMass += idf;
      for (const { doc, weight } of this.postings.get(term) ?? []) {
        if (docSum[doc] === 0) touched[touchedCount++] = doc;
        docSum[doc] = (docSum[doc] as number) + idf * weight * w;
      }
    }
    const stats: QueryStats = { analysis, termMass, mass, unknownNameMass, unknownWordMass };
    if (terms.length === 0 || analysis.smalltalk) {
      for (let k = 0; k < touchedCount; k++) docSum[touched[k] as number] = 0;
      return { ranked: [], stats };
    }
    const intentMass = intents.length * INTENT_WEIGHT;
    // Each curated question's shared mass, summed term by term in the question's order, then intents.
    const { shared, questionMass, questionStart } = this;
    for (const t of terms) {
      const idf = this.idfs.get(t);
      if (idf !== undefined) for (const id of this.questionPostings.get(t) ?? NONE) shared[id] = (shared[id] as number) + idf;
    }
    for (const i of intents) for (const id of this.intentPostings.get(i) ?? NONE) shared[id] = (shared[id] as number) + INTENT_WEIGHT;
    const out: Scored[] = [];
    for (let k = 0; k < touchedCount; k++) {
      const index = touched[k] as number;
      const sum = docSum[index] as number;
      docSum[index] = 0;
      const doc = this.docs[index] as FactDoc;
      let similarity = 0;
      for (let id = questionStart[index] as number; id < (questionStart[index + 1] as number); id++) {
        const denominator = Math.sqrt((knownMass + intentMass) * (questionMass[id] as number));
        if (denominator > 0) similarity = Math.max(similarity, (shared[id] as number) / denominator);
      }
      let factor = 1;
      for (const i of intents) if (!doc.intents.has(i)) factor = Math.min(factor, INTENT_MISS_FACTOR.get(i) ?? 1);
      const coverage = (sum / mass) * factor;
      const intentFit = intents.some((i) => doc.intents.has(i)) ? 0.05 : 0;
      out.push({ doc, coverage, similarity, score: 0.5 * coverage + 0.45 * similarity + intentFit });
    }
    shared.fill(0);
    out.sort(byScoreThenId);
    return { ranked: out, stats };
  }
}

const NONE: readonly number[] = [];

/** Best score first; equal scores in the order of the facts' ids, so a ranking never depends on input order or locale. */
export function byScoreThenId(a: Scored, b: Scored): number {
  return b.score - a.score || a.doc.order - b.doc.order;
}

function append<K>(postings: Map<K, number[]>, key: K, id: number): void {
  const list = postings.get(key);
  if (list === undefined) postings.set(key, [id]);
  else list.push(id);
}

function unknownKind(term: string, analysis: Analysis): keyof typeof UNKNOWN_WEIGHT {
  if (analysis.names.has(term)) return 'name';
  if (analysis.caseless) return analysis.foreign.has(term) ? 'name' : 'caseless';
  // A question rarely opens with a plain word the fact base lacks: it is probably a name.
  return analysis.openers.has(term) ? 'opener' : 'word';
}
