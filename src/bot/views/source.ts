/**
 * `/source`: a document's numbered sentences, packed greedily into pages that each fit one
 * message, with Prev/Next buttons whose custom_ids name the document.
 */
import type { Article, Knowledge } from '../../knowledge/types.js';
import { button, buttonRows } from './components.js';
import { customIdDocument, documentOf, headlineOf } from './document.js';
import { escapeText } from './escape.js';
import { fitEscaped, LIMITS, rendered, type Rendered } from './layout.js';
import { plainLine, truncate } from './text.js';

const pageCache = new WeakMap<Article, string[][]>();

function pageHeader(doc: Article, page: number, pages: number): string {
  return `**“${headlineOf(doc)}”** — ${escapeText(truncate(plainLine(doc.byline), 100))} · page ${page}/${pages}`;
}

/** The document's numbered sentences packed greedily into pages that fit a message. */
export function sourcePages(knowledge: Knowledge, documentId?: string): string[][] {
  const doc = documentOf(knowledge, documentId);
  const cached = pageCache.get(doc);
  if (cached) return cached;
  // Room for the header (page numbers up to 6 digits) and the paragraph breaks.
  const budget = LIMITS.content - pageHeader(doc, 999_999, 999_999).length - 2;
  const pages: string[][] = [];
  let current: string[] = [];
  let used = 0;
  let paragraph: number | undefined;
  for (const s of doc.sentences) {
    const line = fitEscaped(plainLine(s.text), budget - 2, (e) => `**${s.n}.** ${e}`);
    const gap = paragraph !== undefined && s.paragraph !== paragraph && current.length > 0 ? 1 : 0;
    if (current.length > 0 && used + gap + line.length + 1 > budget) {
      pages.push(current);
      current = [];
      used = 0;
    }
    if (current.length > 0 && gap) {
      current.push('');
      used += 1;
    }
    current.push(line);
    used += line.length + 1;
    paragraph = s.paragraph;
  }
  if (current.length > 0 || pages.length === 0) pages.push(current);
  pageCache.set(doc, pages);
  return pages;
}

/** One page of a document with Prev/Next buttons; out-of-range pages are clamped. */
export function renderSourcePage(knowledge: Knowledge, page: number, documentId?: string): Rendered {
  const doc = documentOf(knowledge, documentId);
  const pages = sourcePages(knowledge, doc.id);
  const p = Math.min(Math.max(1, Math.trunc(page) || 1), pages.length);
  const body = pages[p - 1] ?? [];
  const content = [pageHeader(doc, p, pages.length), '', ...body].join('\n');
  const document = customIdDocument(knowledge, doc.id);
  const rows =
    pages.length > 1
      ? buttonRows([
          button({ kind: 'src:page', page: p > 1 ? p - 1 : 1, document }, '◀ Prev', undefined, p === 1),
          button({ kind: 'src:page', page: p < pages.length ? p + 1 : pages.length, document }, 'Next ▶', undefined, p === pages.length),
        ])
      : [];
  return rendered(content, rows);
}
