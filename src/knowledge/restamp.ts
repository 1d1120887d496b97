import { parseArticle } from './article.js';
import { KnowledgeError } from './errors.js';
import { schemaProblems } from './integrity.js';
import { factBaseSchema } from './schema.js';
import { stampOf } from './stamp.js';

export interface Restamped {
  /** The fact base file's JSON with the new stamps (every other field as it was). */
  readonly factBase: unknown;
  /** The facts whose stamp was added or changed. */
  readonly stamped: readonly string[];
}

type RawFact = Record<string, unknown> & { id: string; sentences: number[] };

/**
 * A curator's "I have re-read these facts against their sentences": stamps each chosen fact (or,
 * with 'all', every fact whose stamp is missing or stale) with the fingerprint of the sentences it
 * cites now. Throws a KnowledgeError when the file is malformed, an id is unknown, or a fact cites
 * a sentence that does not exist (stamping cannot fix a citation).
 */
export function restamp(factBase: unknown, articleFiles: ReadonlyMap<string, string>, ids: readonly string[] | 'all'): Restamped {
  const parsed = factBaseSchema.safeParse(factBase);
  if (!parsed.success) throw fail(schemaProblems('facts.json', parsed.error, factBase));
  const texts = new Map<string, readonly string[]>();
  const found: string[] = [];
  for (const doc of parsed.data.documents) {
    const raw = articleFiles.get(doc.file);
    if (raw === undefined) found.push(`document "${doc.id}": field "file": ${doc.file} was not found`);
    else texts.set(doc.id, parseArticle(doc.id, raw).sentences.map((s) => s.text));
  }
  const known = new Set(parsed.data.facts.map((f) => f.id));
  if (ids !== 'all') for (const id of ids) if (!known.has(id)) found.push(`--accept ${id}: no fact has this id`);
  const chosen = (id: string) => ids === 'all' || ids.includes(id);

  const stamped: string[] = [];
  const facts = (factBase as { facts: RawFact[] }).facts.map((fact, i) => {
    const data = parsed.data.facts[i];
    if (data === undefined || !chosen(data.id)) return fact;
    const sentences = texts.get(data.source);
    if (sentences === undefined) {
      found.push(`fact "${data.id}": field "source" names unknown document "${data.source}"`);
      return fact;
    }
    const cited = data.sentences.map((n) => sentences[n - 1]);
    if (cited.some((t) => t === undefined)) {
      found.push(`fact "${data.id}": cites a sentence "${data.source}" does not have (1-${sentences.length}): fix field "sentences" first`);
      return fact;
    }
    const stamp = stampOf(cited as string[]);
    if (stamp === data.stamp) return fact;
    stamped.push(data.id);
    return withStamp(fact, stamp);
  });
  if (found.length > 0) throw fail(found);
  return { factBase: { ...(factBase as object), facts }, stamped };
}

/** The fact with `stamp` placed right after `sentences`, the rest in its order. */
function withStamp(fact: RawFact, stamp: string): RawFact {
  const out = Object.create(null) as RawFact;
  for (const [key, value] of Object.entries(fact)) {
    if (key === 'stamp') continue;
    out[key] = value;
    if (key === 'sentences') out.stamp = stamp;
  }
  return { ...out };
}

function fail(found: readonly string[]): KnowledgeError {
  return new KnowledgeError(found.length === 1 ? (found[0] as string) : `${found.length} problems:\n  ${found.join('\n  ')}`, found);
}
