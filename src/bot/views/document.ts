/**
 * What views say about a document: its attribution line, the "events of <year>" caveat, and
 * finding it by id. All wording comes from the document itself (headline, byline, year), so a
 * curator adding or changing an article never edits code.
 */
import type { Article, Knowledge } from '../../knowledge/types.js';
import { escapeText } from './escape.js';
import { plainLine, truncate } from './text.js';

/** The document `id` names, or the primary one when `id` is null/undefined or unknown. */
export function documentOf(knowledge: Knowledge, id: string | null | undefined): Article {
  if (id === null || id === undefined || id === knowledge.article.id) return knowledge.article;
  return knowledge.documents.get(id) ?? knowledge.article;
}

/** The document's headline, escaped, at most 300 characters. */
export function headlineOf(article: Article): string {
  return escapeText(truncate(plainLine(article.headline), 300));
}

/** "by <author>", escaped, whether or not the byline already says "by". */
export function bylineOf(article: Article): string {
  const by = /^by\s/i.test(article.byline) ? article.byline : `by ${article.byline}`;
  return escapeText(truncate(plainLine(by), 100));
}

/** `-# Source: “headline”, by author` — the line under every answer and context. */
export function attribution(article: Article): string {
  return `-# Source: “${headlineOf(article)}”, ${bylineOf(article)}`;
}

/** The caveat for questions about "now": the document reports events of its year. */
export function nowCaveat(article: Article): string {
  return `The article reports events of ${article.year}; it can't tell you what is happening now.`;
}

/** A document as custom_ids name it: omitted for the primary one (short, and what older ids mean). */
export function customIdDocument(knowledge: Knowledge, id: string | null | undefined): string | undefined {
  return id === null || id === undefined || id === knowledge.article.id ? undefined : id;
}
