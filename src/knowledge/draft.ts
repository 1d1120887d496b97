import { parseArticle } from './article.js';
import { KnowledgeError } from './errors.js';
import type { FactEntry } from './schema.js';

export interface DraftOptions {
  /** Kebab-case document id (default: from the file name). */
  readonly id: string;
  /** The file name the document entry points at (in src/knowledge/). */
  readonly file: string;
  readonly year: number;
}

/** A skeleton fact in facts.json's shape, unstamped: a curator writes its answer, keywords and questions. */
export type DraftFact = Omit<FactEntry, 'stamp'>;

/**
 * The draft of a new document for the fact base: its entry, one topic and one skeleton fact per
 * sentence, in the fact base's own shape, so `documents`, `topics` and `facts` append to
 * facts.json as they are. `sentences` numbers the text as the bot will (read-only, not merged).
 * No fact is stamped: `knowledge:check -- --accept ID` stamps each once its answer is written.
 */
export interface Draft {
  sentences: Record<string, string>;
  documents: Array<{ id: string; file: string; year: number; aliases: Record<string, string[]> }>;
  topics: Array<{ id: string; title: string; description: string }>;
  facts: DraftFact[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Harbour Museum 2021.txt" → "harbour-museum-2021". */
export function idFromFileName(name: string): string {
  return name
    .replace(/\.[^.]*$/, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function draftDocument(raw: string, options: DraftOptions): Draft {
  if (!ID.test(options.id)) throw new KnowledgeError(`document id "${options.id}" must be kebab-case (a-z, 0-9, -)`);
  if (!/^[\w.-]+\.txt$/.test(options.file)) throw new KnowledgeError(`file "${options.file}" must be a .txt file name (letters, digits, . _ -)`);
  if (!Number.isInteger(options.year) || options.year < 1900 || options.year > 2100) throw new KnowledgeError(`year ${options.year} must be a whole year between 1900 and 2100`);
  const article = parseArticle(options.id, raw);
  const sentences = Object.create(null) as Record<string, string>;
  for (const s of article.sentences) sentences[String(s.n)] = s.text;
  return {
    sentences: { ...sentences },
    documents: [{ id: options.id, file: options.file, year: options.year, aliases: {} }],
    topics: [{ id: options.id, title: 'TODO: a topic title (at most 100 characters)', description: 'TODO: what its facts are about (at most 200 characters)' }],
    facts: article.sentences.map((s) => ({
      id: `${options.id}-${s.n}`,
      source: options.id,
      topic: options.id,
      answer: '',
      sentences: [s.n],
      keywords: [],
      questions: [],
    })),
  };
}
