import type { z } from 'zod';
import { problems } from './errors.js';
import type { FactBaseFile, LexiconFile } from './schema.js';
import type { Article } from './types.js';
import { unbackedTerms } from './agreement.js';
import { findShift, stampOf } from './stamp.js';
import { words } from './text.js';

/** Zod issues as "where: field "path": message" lines, naming the fact when the path leads to one. */
export function schemaProblems(where: string, error: z.ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    let label = where;
    if (path[0] === 'facts' && path[1] !== undefined) {
      const fact = (data as { facts?: Array<{ id?: unknown }> }).facts?.[Number(path[1])];
      label = typeof fact?.id === 'string' ? `fact "${fact.id}"` : `fact #${Number(path[1]) + 1}`;
      path.splice(0, 2);
    }
    return problems.schema(label, path.join('.') || '(root)', issue.message);
  });
}

/** What the checks need of a document: its numbered sentences and its own names. */
export interface CheckedDocument {
  readonly article: Pick<Article, 'sentences'>;
  readonly aliases: ReadonlyMap<string, readonly string[]>;
}

/**
 * The checks a curator's edit must pass before any answer can be served: unique ids, known
 * topics and documents, cited sentences that exist and still read as when the fact was stamped,
 * answers whose numbers, dates and names occur in their quotes, and every sentence of every
 * document covered by at least one fact.
 */
export function factBaseProblems(base: FactBaseFile, documents: ReadonlyMap<string, CheckedDocument>): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const topics = new Set(base.topics.map((t) => t.id));
  const covered = new Map<string, Set<number>>();
  for (const fact of base.facts) {
    if (ids.has(fact.id)) out.push(problems.duplicateId(fact.id));
    ids.add(fact.id);
    if (!topics.has(fact.topic)) out.push(problems.unknownTopic(fact.id, fact.topic));
    const doc = documents.get(fact.source);
    if (!doc) {
      out.push(problems.unknownSource(fact.id, fact.source));
      continue;
    }
    const set = covered.get(fact.source) ?? new Set<number>();
    covered.set(fact.source, set);
    const sentences = doc.article.sentences;
    const textOf = (n: number): string | undefined => sentences[n - 1]?.text;
    const missing = fact.sentences.filter((n) => textOf(n) === undefined);
    for (const n of missing) out.push(problems.missingSentence(fact.id, n, sentences.length));
    for (const n of fact.sentences) if (textOf(n) !== undefined) set.add(n);
    out.push(...stampProblems(fact, textOf, missing.length === 0));
    if (missing.length > 0) continue;
    const cited = fact.sentences.map((n) => textOf(n) as string);
    for (const term of unbackedTerms(fact.answer, cited, doc.aliases)) out.push(problems.disagrees(fact.id, term.kind, term.word, fact.sentences));
  }
  for (const topic of base.topics) {
    if (!base.facts.some((f) => f.topic === topic.id)) out.push(problems.emptyTopic(topic.id));
  }
  for (const [source, { article }] of documents) {
    for (const s of article.sentences) if (!covered.get(source)?.has(s.n)) out.push(problems.uncovered(source, s.n));
  }
  return out;
}

/** A fact whose stamp is missing, or no longer matches the text it cites, waits for review. */
function stampProblems(fact: FactBaseFile['facts'][number], textOf: (n: number) => string | undefined, complete: boolean): string[] {
  if (fact.stamp === undefined) return [problems.unstamped(fact.id, fact.source, fact.sentences)];
  if (complete && stampOf(fact.sentences.map((n) => textOf(n) as string)) === fact.stamp) return [];
  const shift = findShift(fact.stamp, fact.sentences, textOf);
  // A citation past the end is already named; say more only when the stamped text can be found.
  if (!complete && shift === null) return [];
  const moved = shift === null ? null : fact.sentences.map((n) => n + shift);
  return [problems.changed(fact.id, fact.source, fact.sentences, moved)];
}

/** A variant claimed by two canonical forms would make aliasing depend on file order. */
export function lexiconProblems(lexicon: LexiconFile): string[] {
  const owner = new Map<string, string>();
  const out: string[] = [];
  for (const { canonical, variants } of lexicon.aliases) {
    for (const variant of variants) {
      const key = words(variant).join(' ');
      if (key === '') out.push(`lexicon: alias "${canonical}": variant "${variant}" has no words`);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== canonical) {
        out.push(`lexicon: variant "${variant}" belongs to both "${previous}" and "${canonical}"`);
      }
      owner.set(key, canonical);
    }
  }
  return out;
}
