import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { isVerbatim, RAW_DOCUMENTS } from '../helpers/sources.js';
import { readQuestions, score } from './scoring.js';

const knowledge = loadKnowledge();
const article = RAW_DOCUMENTS.get('astana-2017') as string;
const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);

/**
 * The thresholds, asserted on every question set we carry: the public dev set, a
 * paraphrase set written with other wording, and a blind set written without seeing the fact base.
 */
const SETS = ['questions.dev.jsonl', 'questions.paraphrase.jsonl', 'questions.blind.jsonl', 'questions.blind2.jsonl', 'questions.blind3.jsonl', 'questions.blind4.jsonl', 'questions.blind5.jsonl', 'questions.blind6.jsonl', 'questions.blind7.jsonl', 'questions.blind8.jsonl', 'questions.blind9.jsonl'];

describe('the question sets', () => {
  it.each(SETS)('GIVEN question set %s THEN its file exists (a missing set fails, it is not skipped)', (name) => {
    expect(existsSync(fixture(name))).toBe(true);
  });
});

describe.each(SETS)('answer quality on %s', (name) => {
  const questions = readQuestions(fixture(name));
  const answers = questions.map((q) => knowledge.engine.answer(q.q));
  const result = score(questions, answers, article);

  it('GIVEN answerable questions THEN the top quote is the right sentence for at least 95%', () => {
    expect(result.top1, result.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('GIVEN off-topic questions THEN at least 95% are declined', () => {
    expect(result.offtopicAbstained, result.misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('GIVEN in-domain questions the article cannot answer THEN at least half are declined', () => {
    expect(result.unanswerableAbstained, result.misses.join('\n')).toBeGreaterThanOrEqual(0.5);
  });
  it('GIVEN any question THEN no quote is anything but verbatim text of the article file', () => {
    expect(result.nonVerbatim).toBe(0);
    const quotes = answers.flatMap((a) => [...a.quotes, ...a.suggestions.flatMap((s) => s.quotes), ...a.more.flatMap((m) => m.quotes)]);
    expect(quotes.filter((q) => !isVerbatim('astana-2017', q.text))).toEqual([]);
  });
});

describe('the dev set is a test, not training data', () => {
  it('GIVEN the curated questions THEN none repeats a dev question word for word', () => {
    const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const dev = new Set(readQuestions(fixture('questions.dev.jsonl')).map((q) => squash(q.q)));
    const repeated = knowledge.facts.flatMap((f) => f.questions.filter((q) => dev.has(squash(q))));
    expect(repeated).toEqual([]);
  });
});
