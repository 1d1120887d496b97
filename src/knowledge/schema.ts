import { z } from 'zod';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)');

/**
 * A fitted model's long arrays (the classifier's weights, the forest's nodes), each checked in one
 * loop rather than element by element: tens of thousands of numbers.
 */
export const finiteNumbers = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x)), 'expected an array of finite numbers');
export const strings = z.custom<string[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'string'), 'expected an array of strings');
export function wholeNumbersFrom(min: number) {
  return z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= min), `expected an array of whole numbers ≥ ${min}`);
}

/** Labels of Discord buttons are capped at 80 characters; curated questions are used as labels. */
export const MAX_CURATED_QUESTION_CHARS = 80;

export const documentSchema = z.strictObject({
  id,
  /** File name, relative to src/knowledge/. */
  file: z.string().regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in src/knowledge/'),
  /** The year the reported events took place, for the "this is not news of today" caveat. */
  year: z.number().int().min(1900).max(2100),
  /**
   * The document's own names: a word an answer may use (any case) mapped to the phrases that stand
   * for it in this document's text ("Russia": ["Russian Federation"]). Answers are checked against
   * their quotes through these (see agreement.ts).
   */
  aliases: z.record(z.string().regex(/^[\p{L}\p{N}]+$/u, 'must be one word (letters and digits)'), z.array(nonEmpty).min(1)).default({}),
});

export const topicSchema = z.strictObject({
  id,
  title: nonEmpty.max(100),
  description: nonEmpty.max(200),
});

export const factSchema = z.strictObject({
  id,
  source: id,
  topic: id,
  answer: nonEmpty.max(400),
  sentences: z.array(z.number().int().positive()).min(1).max(3),
  keywords: z.array(nonEmpty).min(1),
  questions: z.array(nonEmpty.max(MAX_CURATED_QUESTION_CHARS)).min(2),
  /**
   * The fingerprint of the cited sentences' text when the fact was last reviewed (stamp.ts). A
   * missing or stale stamp stops the load until a curator runs `knowledge:check -- --accept ID`.
   */
  stamp: z.string().regex(/^[0-9a-f]{12}$/, 'must be 12 hex digits (run npm run knowledge:check -- --accept ID)').optional(),
});

export const factBaseSchema = z.strictObject({
  documents: z.array(documentSchema).min(1),
  topics: z.array(topicSchema).min(1),
  facts: z.array(factSchema).min(1),
});

export const lexiconSchema = z.strictObject({
  aliases: z.array(z.strictObject({ canonical: nonEmpty, variants: z.array(nonEmpty).min(1) })),
  stopwords: z.array(nonEmpty),
  /** Chat spellings read as the word they stand for before anything else ("wher" → "where", "r" → "are"). */
  respellings: z.record(z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word'), nonEmpty).default({}),
  /** Words of courtesy and chatter: a message made only of these (and stop-words) is not a question. */
  smalltalk: z.array(nonEmpty).default([]),
});

/**
 * A generated table of strings by word, checked in one loop rather than entry by entry: zod's
 * record checked the 728 synonyms one value at a time, ~1 ms of every build. A malformed WordNet
 * file is only ever dropped (plain fuzzy matching then), so no per-entry message is lost.
 */
const stringTable = z.custom<Record<string, string>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((s) => typeof s === 'string'), 'expected an object of strings');

/** scripts/build-wordnet.ts's output: space-separated English words and a synonym table. */
export const wordnetSchema = z.object({
  english: z.string(),
  names: z.string().default(''),
  synonyms: stringTable,
  /**
   * Porter2 stems of the words a build stems, worked out when the file is made: the stemmer is
   * the slowest part of a cold build. Checked against the stemmer by the tests; a word missing
   * from it is simply stemmed as usual.
   */
  stems: stringTable.default({}),
});

export type FactBaseFile = z.infer<typeof factBaseSchema>;
export type LexiconFile = z.infer<typeof lexiconSchema>;
export type WordNetFile = z.infer<typeof wordnetSchema>;
/** One fact as facts.json holds it. */
export type FactEntry = z.infer<typeof factSchema>;
