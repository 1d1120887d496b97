import { z } from 'zod';

import type { Analyzer, Intent } from './analyzer.js';
import { unnamedIn } from './identify.js';
import { strings } from './schema.js';
import { words } from './text.js';
import type { Article, Fact } from './types.js';

/**
 * How much a term found in each part of a fact counts. Curated questions and keywords say what a
 * fact is about; its answer and its source sentence only mention things.
 */
const FIELD_WEIGHT = { question: 1, keyword: 1, answer: 0.75, sentence: 0.5 } as const;

/**
 * What the index reads off the fact base's own texts: the slow, cold part of building it (most of
 * a cold build was this analysis). It is plain data, so `npm run build:index` can save it
 * (prebuilt.ts) and a start-up with an unchanged fact base skips it.
 */
export interface IndexAnalysis {
  /** The indexed texts' words and names, which the analyzer learns before anything is analysed. */
  readonly vocabulary: Vocabulary;
  /** Terms the indexed texts write as names ("Idlib", "Russian Federation"), first met first. */
  readonly entities: readonly string[];
  /** Per fact, in the fact base's order. */
  readonly facts: ReadonlyArray<{
    /** Every term of the fact with the weight of the best field it occurs in, first met first. */
    readonly terms: ReadonlyArray<readonly [string, number]>;
    /** Each curated question's terms and what it asks for, in the question's order. */
    readonly questions: ReadonlyArray<{ readonly terms: readonly string[]; readonly intents: readonly Intent[] }>;
    /** Stems its answer and sentences mention only indefinitely (identify.ts). */
    readonly unnamed: readonly string[];
  }>;
}

const INTENTS = ['who', 'when', 'where', 'why', 'count', 'duration', 'yesno', 'say'] as const satisfies readonly Intent[];

/** A fact's weighed terms: thousands of pairs in all, so checked in one loop each rather than by zod's tuple. */
const weighedTerms = z.custom<Array<[string, number]>>(
  (v) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && p[0] !== '' && typeof p[1] === 'number' && p[1] > 0),
  'expected [term, weight] pairs',
);
const intents = z.custom<Intent[]>((v) => Array.isArray(v) && v.every((x) => (INTENTS as readonly unknown[]).includes(x)), 'expected intents');

export const indexAnalysisSchema = z.strictObject({
  vocabulary: z.strictObject({ words: strings, names: strings }),
  entities: strings,
  facts: z.array(z.strictObject({ terms: weighedTerms, questions: z.array(z.strictObject({ terms: strings, intents })), unnamed: strings })),
});

/** The source sentences a fact cites, as text. */
function sentenceTexts(fact: Fact, documents: ReadonlyMap<string, Article>): string[] {
  return fact.sentences.flatMap((n) => documents.get(fact.source)?.sentences[n - 1]?.text ?? []);
}

/**
 * The analysis to index: a prebuilt one when given (the analyzer learns its vocabulary, as it would
 * have while analysing), else the texts read now.
 */
export function indexAnalysis(analyzer: Analyzer, facts: readonly Fact[], documents: ReadonlyMap<string, Article>, prebuilt?: IndexAnalysis): IndexAnalysis {
  if (prebuilt === undefined || prebuilt.facts.length !== facts.length) return analyseFacts(analyzer, facts, documents);
  analyzer.learnVocabulary(prebuilt.vocabulary);
  return prebuilt;
}

/** Reads the fact base's texts with the analyzer, which learns their vocabulary on the way. */
export function analyseFacts(analyzer: Analyzer, facts: readonly Fact[], documents: ReadonlyMap<string, Article>): IndexAnalysis {
  const vocabulary = vocabularyOf(facts.flatMap((f) => [...f.questions, ...f.keywords, f.answer, ...sentenceTexts(f, documents)]));
  analyzer.learnVocabulary(vocabulary);
  // Sentences are cited by several facts and questions are read twice: analyse each text once.
  const analysed = new Map<string, readonly string[]>();
  const seenNames = new Set<string>();
  const entities = new Set<string>();
  const analyse = (text: string) => {
    let a = analysed.get(text);
    if (a === undefined) {
      a = analyzer.indexTerms(text);
      analysed.set(text, a);
      for (const name of namesIn(text)) {
        if (seenNames.has(name)) continue;
        seenNames.add(name);
        for (const t of analyzer.indexTerms(name)) entities.add(t);
      }
    }
    return a;
  };
  // Facts citing the same sentence share its unnamed words: each text is read once.
  const unnamedSeen = new Map<string, ReadonlySet<string>>();
  const unnamedOf = (text: string): ReadonlySet<string> => {
    let unnamed = unnamedSeen.get(text);
    if (unnamed === undefined) unnamedSeen.set(text, (unnamed = unnamedIn(text)));
    return unnamed;
  };
  const weighed = facts.map((fact) => {
    const weights = new Map<string, number>();
    const put = (text: string, weight: number) => {
      for (const term of analyse(text)) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    };
    fact.questions.forEach((q) => put(q, FIELD_WEIGHT.question));
    fact.keywords.forEach((k) => put(k, FIELD_WEIGHT.keyword));
    put(fact.answer, FIELD_WEIGHT.answer);
    sentenceTexts(fact, documents).forEach((s) => put(s, FIELD_WEIGHT.sentence));
    return [...weights];
  });
  return {
    vocabulary,
    entities: [...entities],
    facts: facts.map((fact, index) => ({
      terms: weighed[index] as Array<[string, number]>,
      questions: fact.questions.map((q) => ({ terms: analyse(q), intents: analyzer.intentsIn(q) })),
      unnamed: [...new Set([fact.answer, ...sentenceTexts(fact, documents)].flatMap((t) => [...unnamedOf(t)]))],
    })),
  };
}

/** Capitalised words inside a sentence, runs of them kept together: "Free Syrian Army". */
const NAME_RUN = /(?<=[\p{L}\p{N},;'")\]]\s+)\p{Lu}[\p{L}.-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.-]*)*/gu;

function namesIn(text: string): string[] {
  return [...text.matchAll(NAME_RUN)].map((m) => m[0]);
}

/** The words of some texts, and those they write capitalised (the names a misspelling may sound like), each once, in the order first met. */
export interface Vocabulary {
  readonly words: readonly string[];
  readonly names: readonly string[];
}

export function vocabularyOf(texts: Iterable<string>): Vocabulary {
  const known = new Set<string>();
  const names = new Set<string>();
  for (const text of texts) {
    for (const w of words(text)) known.add(w);
    for (const m of text.matchAll(CAPITALISED)) for (const w of words(m[0])) names.add(w);
  }
  return { words: [...known], names: [...names] };
}

/** A capitalised word, anywhere in a text. */
const CAPITALISED = /\p{Lu}[\p{L}'-]*/gu;
