import type { z } from 'zod';
import { problems } from './errors.js';
import type { FactBaseFile, LexiconFile } from './schema.js';
import type { Article } from './types.js';
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

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The checks a curator's edit must pass before any answer can be served: unique ids, known
 * topics and documents, cited sentences that exist and are verbatim article text, and every
 * sentence of every document covered by at least one fact.
 */
export function factBaseProblems(base: FactBaseFile, articles: ReadonlyMap<string, { article: Pick<Article, 'sentences'>; raw: string }>): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const topics = new Set(base.topics.map((t) => t.id));
  const covered = new Map<string, Set<number>>();
  const squashed = new Map([...articles].map(([id, d]) => [id, squash(d.raw)]));
  for (const fact of base.facts) {
    if (ids.has(fact.id)) out.push(problems.duplicateId(fact.id));
    ids.add(fact.id);
    if (!topics.has(fact.topic)) out.push(problems.unknownTopic(fact.id, fact.topic));
    const doc = articles.get(fact.source);
    if (!doc) {
      out.push(problems.unknownSource(fact.id, fact.source));
      continue;
    }
    const raw = squashed.get(fact.source) as string;
    for (const n of fact.sentences) {
      const sentence = doc.article.sentences[n - 1];
      if (!sentence) {
        out.push(problems.missingSentence(fact.id, n, doc.article.sentences.length));
        continue;
      }
      if (!raw.includes(squash(sentence.text))) out.push(problems.notVerbatim(fact.id, n));
      const set = covered.get(fact.source) ?? new Set<number>();
      set.add(n);
      covered.set(fact.source, set);
    }
  }
  for (const topic of base.topics) {
    if (!base.facts.some((f) => f.topic === topic.id)) out.push(problems.emptyTopic(topic.id));
  }
  for (const [source, { article }] of articles) {
    for (const s of article.sentences) if (!covered.get(source)?.has(s.n)) out.push(problems.uncovered(source, s.n));
  }
  return out;
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
