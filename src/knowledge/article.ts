import type { Article, Sentence } from './types.js';
import { splitSentences } from './sentences.js';
import { KnowledgeError } from './errors.js';

/**
 * Parses the article file: the first block is the headline, the last block is the byline, and
 * every block between is a paragraph. Blocks are separated by blank lines. Sentences are numbered
 * from 1 in reading order, the headline and the byline included, so a quote can cite either.
 */
export function parseArticle(id: string, raw: string): Omit<Article, 'year'> {
  const blocks = raw
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter((b) => b !== '');
  if (blocks.length < 3) {
    throw new KnowledgeError(`article "${id}": expected a headline, at least one paragraph and a byline, found ${blocks.length} block(s)`);
  }
  const headline = blocks[0] as string;
  const byline = blocks[blocks.length - 1] as string;
  const paragraphs = blocks.slice(1, -1);

  const sentences: Sentence[] = [{ n: 1, text: headline, paragraph: 0 }];
  paragraphs.forEach((p, index) => {
    for (const text of splitSentences(p)) sentences.push({ n: sentences.length + 1, text, paragraph: index + 1 });
  });
  sentences.push({ n: sentences.length + 1, text: byline, paragraph: -1 });

  return Object.freeze({ id, headline, byline, paragraphs: Object.freeze(paragraphs), sentences: Object.freeze(sentences) });
}
