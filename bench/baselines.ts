/**
 * The answerers compared on the same questions: this project's engine and three off-the-shelf
 * ways of picking an article sentence for a question (fuse.js twice, MiniSearch).
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Knowledge, Sentence } from '../src/knowledge/index.js';
import type { EvalAnswer } from '../test/knowledge/scoring.js';

export interface Answerer {
  /** Short stable key, used in latest.json. */
  readonly key: string;
  /** What the table calls it. */
  readonly label: string;
  answer(question: string): EvalAnswer;
}

const ABSTAIN: EvalAnswer = { answered: false, quotes: [] };
const quote = (text: string): EvalAnswer => ({ answered: true, quotes: [{ text }] });

/** The project's fact-ranking engine, as the bot calls it. */
export function engineAnswerer(knowledge: Knowledge): Answerer {
  return { key: 'engine', label: 'this engine', answer: (q) => knowledge.engine.answer(q) };
}

/** fuse.js 7.5 with default options over the article's sentences; answers the top sentence, abstains only on no result. */
export function fusePlain(sentences: readonly Sentence[]): Answerer {
  const fuse = new Fuse(sentences.map((s) => s.text));
  return {
    key: 'fuse',
    label: 'fuse.js (defaults)',
    answer: (q) => {
      const top = fuse.search(q, { limit: 1 })[0];
      return top ? quote(top.item) : ABSTAIN;
    },
  };
}

/** fuse.js 7.5 token search (`useTokenSearch: true`: per-word fuzzy matching with IDF ranking). */
export function fuseTokens(sentences: readonly Sentence[]): Answerer {
  const fuse = new Fuse(sentences.map((s) => s.text), { useTokenSearch: true });
  return {
    key: 'fuseTokens',
    label: 'fuse.js useTokenSearch',
    answer: (q) => {
      const top = fuse.search(q, { limit: 1 })[0];
      return top ? quote(top.item) : ABSTAIN;
    },
  };
}

/** MiniSearch 7 (BM25) with `fuzzy: 0.2, prefix: true`; abstains when nothing matches. */
export function miniSearch(sentences: readonly Sentence[]): Answerer {
  const index = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    storeFields: ['text'],
    searchOptions: { fuzzy: 0.2, prefix: true },
  });
  index.addAll(sentences.map((s) => ({ id: s.n, text: s.text })));
  const byId = new Map(sentences.map((s) => [s.n, s.text]));
  return {
    key: 'minisearch',
    label: 'MiniSearch BM25',
    answer: (q) => {
      const top = index.search(q)[0];
      const text = top ? byId.get(top.id as number) : undefined;
      return text === undefined ? ABSTAIN : quote(text);
    },
  };
}

export function allAnswerers(knowledge: Knowledge): Answerer[] {
  const sentences = knowledge.article.sentences;
  return [engineAnswerer(knowledge), fusePlain(sentences), fuseTokens(sentences), miniSearch(sentences)];
}
