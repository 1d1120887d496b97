import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Analyzer } from './analyzer.js';
import type { WordNetTables } from './analyzer.js';
import { WordList } from './word-list.js';
import { parseArticle } from './article.js';
import { checkedClassifier, classifierSchema, QuestionClassifier } from './classifier.js';
import type { ClassifierModel } from './classifier.js';
import { deciderSchema } from './decider.js';
import type { DeciderModel } from './decider.js';
import { FactEngine } from './engine.js';
import { indexAnalysis } from './index-analysis.js';
import type { IndexAnalysis } from './index-analysis.js';
import { prebuiltFile, prebuiltFor } from './prebuilt.js';
import type { PrebuiltFile } from './prebuilt.js';
import { KnowledgeError } from './errors.js';
import { factBaseProblems, lexiconProblems, schemaProblems } from './integrity.js';
import { factBaseSchema, lexiconSchema, wordnetSchema } from './schema.js';
import type { FactBaseFile, LexiconFile, WordNetFile } from './schema.js';
import { primeStems } from './text.js';
import type { Article, Fact, Knowledge, Sentence } from './types.js';

export type * from './types.js';
export { KnowledgeError } from './errors.js';
export { MAX_QUESTION_CHARS, cleanQuestion } from './text.js';
export { opensQuestion } from './message.js';
export { restamp } from './restamp.js';
export { PREBUILT_FORMAT, inputsDigest, modelsDigest, prebuiltStatus } from './prebuilt.js';
export type { PrebuiltFile, PrebuiltStatus } from './prebuilt.js';
export type { Restamped } from './restamp.js';

/** The bundled knowledge files' folder: src/knowledge (or dist/knowledge once built). */
export const KNOWLEDGE_DIR = new URL('./', import.meta.url);
const HERE = KNOWLEDGE_DIR;

export interface KnowledgeFiles {
  /** The fact base file's parsed JSON. */
  readonly factBase: unknown;
  readonly lexicon: unknown;
  /** The fitted answer/decline model (decider.json); the engine's fallback when absent. */
  readonly decider?: unknown;
  /** The fitted question classifier (classifier.json); without it, the index's ranking alone. */
  readonly classifier?: unknown;
  /** WordNet distilled over the vocabulary (wordnet.json): English words and synonyms. */
  readonly wordnet?: unknown;
  /** The index's analysis saved by `npm run build:index` (prebuilt.json): used only if built from exactly these files. */
  readonly prebuilt?: unknown;
  /** Raw article text by file name. */
  readonly articleFiles: ReadonlyMap<string, string>;
}

/** Reads the bundled fact base, lexicon and articles from src/knowledge (or dist/knowledge). */
export function readKnowledgeFiles(dir: URL = HERE): KnowledgeFiles {
  const json = (name: string): unknown => {
    try {
      return JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
    } catch (err) {
      throw new KnowledgeError(`${name}: cannot be read as JSON (${(err as Error).message})`);
    }
  };
  const factBase = json('facts.json');
  const files = new Map<string, string>();
  const docs = (factBase as { documents?: Array<{ file?: unknown }> })?.documents ?? [];
  for (const d of Array.isArray(docs) ? docs : []) {
    if (typeof d?.file === 'string' && /^[\w.-]+\.txt$/.test(d.file)) {
      try {
        files.set(d.file, readFileSync(new URL(d.file, dir), 'utf8'));
      } catch (err) {
        throw new KnowledgeError(`document file "${d.file}": cannot be read (${(err as Error).message})`);
      }
    }
  }
  const optional = (name: string): unknown => (existsSync(new URL(name, dir)) ? json(name) : undefined);
  return { factBase, lexicon: json('lexicon.json'), decider: json('decider.json'), classifier: optional('classifier.json'), wordnet: json('wordnet.json'), prebuilt: cached(dir), articleFiles: files };
}

/** prebuilt.json, a cache: a file that is not JSON is kept as its error, which no prebuilt index matches. */
function cached(dir: URL): unknown {
  const url = new URL('prebuilt.json', dir);
  if (!existsSync(url)) return undefined;
  try {
    return JSON.parse(readFileSync(url, 'utf8'));
  } catch (err) {
    return { unreadable: (err as Error).message };
  }
}

/**
 * Each file is parsed once per build, so zod's compiled fast path (generated with `new Function`,
 * worth it for a schema parsed thousands of times) would cost more to build than it saves: about
 * 8 of the cold build's milliseconds.
 */
const ONCE = { jitless: true } as const;

/**
 * Validates and indexes a fact base. Throws a KnowledgeError listing every problem, each naming
 * the fact and the field, so nothing unchecked (above all, no non-verbatim quote) is ever served.
 */
export function buildKnowledge(files: KnowledgeFiles): Knowledge {
  return assemble(files).knowledge;
}

/**
 * What `npm run build:index` saves as prebuilt.json: the fact base's analysis, read afresh (the
 * files are checked in full on the way, so a saved analysis is one of a fact base that passed).
 */
export function prebuildIndex(files: KnowledgeFiles): PrebuiltFile {
  const { analysis, factBase, lexicon, decider, classifier } = assemble({ ...files, prebuilt: undefined });
  // The models as their schemas made them (assemble ran both, with no prebuilt file to vouch for them).
  const modelsAsWritten =
    isDeepStrictEqual(decider, files.decider) && (files.classifier === undefined || isDeepStrictEqual(classifier, checkedClassifier(files.classifier)));
  return prebuiltFile(analysis, files, { factBase: isDeepStrictEqual(factBase, files.factBase), lexicon: isDeepStrictEqual(lexicon, files.lexicon) }, modelsAsWritten);
}

/** A file prebuilt.json's digests show was checked when it was saved: used as it is. */
const alreadyChecked = <T>(data: T) => ({ success: true as const, data });

interface Assembled {
  readonly knowledge: Knowledge;
  readonly analysis: IndexAnalysis;
  readonly factBase: FactBaseFile;
  readonly lexicon: LexiconFile;
  readonly decider: DeciderModel | undefined;
  readonly classifier: ClassifierModel | undefined;
}

function assemble(files: KnowledgeFiles): Assembled {
  // The build that saved a prebuilt analysis of these very files ran every check below and passed them.
  const cache = prebuiltFor(files.prebuilt, files);
  const base = cache.asWritten?.factBase ? alreadyChecked(files.factBase as FactBaseFile) : factBaseSchema.safeParse(files.factBase, ONCE);
  const lex = cache.asWritten?.lexicon ? alreadyChecked(files.lexicon as LexiconFile) : lexiconSchema.safeParse(files.lexicon, ONCE);
  const found = [
    ...(base.success ? [] : schemaProblems('facts.json', base.error, files.factBase)),
    ...(lex.success ? [] : schemaProblems('lexicon.json', lex.error, files.lexicon)),
  ];
  const models = cache.modelsChecked === true;
  const decider = files.decider === undefined ? undefined : models ? alreadyChecked(files.decider as DeciderModel) : deciderSchema.safeParse(files.decider, ONCE);
  if (decider && !decider.success) found.push(...schemaProblems('decider.json', decider.error, files.decider));
  const classifier = files.classifier === undefined ? undefined : models ? alreadyChecked(checkedClassifier(files.classifier)) : classifierSchema.safeParse(files.classifier, ONCE);
  if (classifier && !classifier.success) found.push(...schemaProblems('classifier.json', classifier.error, files.classifier));
  if (!base.success || !lex.success || found.length > 0) throw failure(found);

  const factBase: FactBaseFile = base.data;
  const lexicon: LexiconFile = lex.data;
  const documents = new Map<string, Article & { aliases: ReadonlyMap<string, readonly string[]> }>();
  for (const doc of factBase.documents) {
    const raw = files.articleFiles.get(doc.file);
    if (raw === undefined) {
      found.push(`document "${doc.id}": field "file": ${doc.file} was not found`);
      continue;
    }
    const aliases = new Map(Object.entries(doc.aliases).map(([word, variants]) => [word.toLowerCase(), Object.freeze([...variants])]));
    documents.set(doc.id, Object.freeze({ ...parseArticle(doc.id, raw), year: doc.year, aliases }));
  }
  if (found.length > 0) throw failure(found);
  const prebuilt = cache.analysis;
  if (prebuilt === undefined) {
    found.push(...factBaseProblems(factBase, new Map([...documents].map(([id, article]) => [id, { article, aliases: article.aliases }]))), ...lexiconProblems(lexicon));
    if (found.length > 0) throw failure(found);
  }

  const facts: readonly Fact[] = Object.freeze(factBase.facts.map((f) => Object.freeze({ ...f })));
  const wordnet = wordnetSchema.safeParse(files.wordnet, ONCE);
  if (wordnet.success) primeStems(wordnet.data.stems);
  const analyzer = new Analyzer(lexicon, wordnet.success ? tablesOf(wordnet.data) : undefined);
  const analysis = indexAnalysis(analyzer, facts, documents, prebuilt);
  const engine = new FactEngine({
    analyzer,
    analysis,
    facts,
    documents,
    topicOrder: factBase.topics.map((t) => t.id),
    decider: decider?.data,
    classifier: classifier?.data && new QuestionClassifier(classifier.data),
  });
  const article = documents.get(factBase.documents[0]?.id ?? '') as Article;
  const documentOf = (id: string | undefined): Article => (id === undefined ? article : documents.get(id) ?? article);
  const byId = new Map(facts.map((f) => [f.id, f]));
  const knowledge: Knowledge = Object.freeze({
    prebuilt: cache.status,
    article,
    documents,
    facts,
    topics: Object.freeze(factBase.topics.map((t) => Object.freeze({ ...t }))),
    engine,
    fact: (id: string) => byId.get(id),
    factsInTopic: (topicId: string) => facts.filter((f) => f.topic === topicId),
    context: (n: number, radius = 2, documentId?: string): readonly Sentence[] => {
      const doc = documentOf(documentId);
      if (documentId !== undefined && !documents.has(documentId)) return [];
      return doc.sentences.filter((s) => s.n >= n - radius && s.n <= n + radius && n >= 1 && n <= doc.sentences.length);
    },
  });
  return { knowledge, analysis, factBase, lexicon, decider: decider?.data, classifier: classifier?.data };
}

/** The bundled knowledge: read, checked and indexed. */
export function loadKnowledge(): Knowledge {
  return buildKnowledge(readKnowledgeFiles());
}

/** The WordNet tables of wordnet.json, or none when it is absent or malformed (plain fuzzy matching then). */
export function wordnetTables(raw: unknown): WordNetTables | undefined {
  const parsed = wordnetSchema.safeParse(raw);
  return parsed.success ? tablesOf(parsed.data) : undefined;
}

function tablesOf(wordnet: WordNetFile): WordNetTables {
  return { english: new WordList(wordnet.english), names: new WordList(wordnet.names), synonyms: new Map(Object.entries(wordnet.synonyms)) };
}

function failure(found: readonly string[]): KnowledgeError {
  const head = found.length === 1 ? (found[0] as string) : `${found.length} problems in the fact base:\n  ${found.join('\n  ')}`;
  return new KnowledgeError(head, found);
}
