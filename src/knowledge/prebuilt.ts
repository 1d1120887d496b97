import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';

import { z } from 'zod';

import { indexAnalysisSchema } from './index-analysis.js';
import type { IndexAnalysis } from './index-analysis.js';

/**
 * The index's analysis of the fact base, saved by `npm run build:index` as prebuilt.json, so a
 * start-up skips reading the facts' texts (most of a cold build) and the fact base's checks, which
 * the build that saved it passed. It is a cache: it is used only when `inputs` is the digest of
 * exactly the files it was built from, and anything else (an edited fact, a new article, a
 * malformed or missing file) means the index is built from the texts, as without it.
 *
 * Raise FORMAT whenever what the analysis holds changes; a change to how the analyzer reads text is
 * caught by test/knowledge/prebuilt.test.ts, which fails until `npm run build:index` is run.
 */
export const PREBUILT_FORMAT = 3;

export const prebuiltSchema = z.strictObject({
  format: z.literal(PREBUILT_FORMAT),
  /** SHA-256 of the fact base, lexicon, WordNet tables and articles it was built from (inputsDigest). */
  inputs: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * Whether the fact base and the lexicon, as written, are exactly what their schemas make of them
   * (no string to trim, no default to fill in). A start-up with current inputs then uses them as
   * they are rather than running the schemas again (~10 ms of a cold build): the build that saved
   * this file checked these very bytes.
   */
  asWritten: z.strictObject({ factBase: z.boolean(), lexicon: z.boolean() }),
  /**
   * SHA-256 of the decider and classifier (modelsDigest) when both passed their schemas and are, as
   * written, what the schemas make of them (the classifier's packed columns aside, which a start-up
   * unpacks either way); null otherwise. A start-up with those very models skips their schemas:
   * the cold build's median went from 51.7 to 47.2 ms (the digest itself costs ~2.6 ms). A digest
   * of its own: a refit leaves the analysis current.
   */
  models: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  analysis: indexAnalysisSchema,
});

/** Which inputs are, as written, what their schemas make of them (prebuiltSchema's `asWritten`). */
export interface AsWritten {
  readonly factBase: boolean;
  readonly lexicon: boolean;
}

/** prebuilt.json as written: the schema's shape, with the analysis as the engine reads it. */
export interface PrebuiltFile {
  readonly format: typeof PREBUILT_FORMAT;
  readonly inputs: string;
  readonly asWritten: AsWritten;
  readonly models: string | null;
  readonly analysis: IndexAnalysis;
}

/** What the analysis depends on, as parsed: a change to any of it makes a prebuilt index stale. */
export interface AnalysisInputs {
  readonly factBase: unknown;
  readonly lexicon: unknown;
  readonly wordnet?: unknown;
  readonly articleFiles: ReadonlyMap<string, string>;
}

/** The fitted models, as parsed: what prebuilt.json's `models` digest covers. */
export interface ModelInputs {
  readonly decider?: unknown;
  readonly classifier?: unknown;
}

/** The SHA-256 of the decider and the classifier, each as JSON (key order as written). */
export function modelsDigest({ decider, classifier }: ModelInputs): string {
  const hash = createHash('sha256');
  hash.update(`models ${PREBUILT_FORMAT}\n`);
  for (const part of [decider ?? null, classifier ?? null]) feed(hash, part);
  return hash.digest('hex');
}

/** The SHA-256 of the inputs, each as JSON (key order as written) and the articles by file name. */
export function inputsDigest({ factBase, lexicon, wordnet, articleFiles }: AnalysisInputs): string {
  const hash = createHash('sha256');
  hash.update(`format ${PREBUILT_FORMAT}\n`);
  for (const part of [factBase, lexicon, wordnet ?? null]) feed(hash, part);
  for (const name of [...articleFiles.keys()].sort()) feed(hash, { name, text: articleFiles.get(name) });
  return hash.digest('hex');
}

/**
 * An object field by field, a string field as itself after its length (WordNet's word lists are
 * strings of most of a megabyte: read as they are, not copied into JSON first, the digest costs half).
 */
function feed(hash: Hash, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    hash.update(`${JSON.stringify(value) ?? 'undefined'}\n`);
    return;
  }
  hash.update('{');
  for (const [key, field] of Object.entries(value)) {
    hash.update(`${JSON.stringify(key)}:`);
    if (typeof field === 'string') hash.update(`${field.length}:`).update(field);
    else hash.update(JSON.stringify(field) ?? 'undefined');
    hash.update(',');
  }
  hash.update('}\n');
}

/** Whether a start-up with these files uses the prebuilt analysis, and if not, why. */
export type PrebuiltStatus = 'current' | 'stale' | 'malformed' | 'missing';

/** What a start-up makes of prebuilt.json: its analysis when it is well-formed and built from exactly these inputs. */
export function prebuiltFor(
  raw: unknown,
  inputs: AnalysisInputs & ModelInputs,
): { readonly status: PrebuiltStatus; readonly analysis?: IndexAnalysis; readonly asWritten?: AsWritten; readonly modelsChecked?: boolean } {
  if (raw === undefined) return { status: 'missing' };
  const parsed = prebuiltSchema.safeParse(raw, { jitless: true });
  if (!parsed.success) return { status: 'malformed' };
  if (parsed.data.inputs !== inputsDigest(inputs)) return { status: 'stale' };
  const modelsChecked = parsed.data.models !== null && parsed.data.models === modelsDigest(inputs);
  return { status: 'current', analysis: parsed.data.analysis, asWritten: parsed.data.asWritten, modelsChecked };
}

export function prebuiltStatus(raw: unknown, inputs: AnalysisInputs & ModelInputs): PrebuiltStatus {
  return prebuiltFor(raw, inputs).status;
}

/** The file `npm run build:index` writes for an analysis of these inputs. */
export function prebuiltFile(analysis: IndexAnalysis, inputs: AnalysisInputs & ModelInputs, asWritten: AsWritten, modelsAsWritten: boolean): PrebuiltFile {
  return { format: PREBUILT_FORMAT, inputs: inputsDigest(inputs), asWritten, models: modelsAsWritten ? modelsDigest(inputs) : null, analysis };
}
