import fc from 'fast-check';
import { isWellFormed } from '../helpers/unicode.js';
import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_CHARS } from '../../src/knowledge/index.js';
import type { Answer, Knowledge } from '../../src/knowledge/index.js';
import { loadTwoDocumentKnowledge } from '../helpers/knowledge.js';
import { isVerbatim } from '../helpers/sources.js';

const knowledge: Knowledge = loadTwoDocumentKnowledge();
const curated = knowledge.facts.flatMap((f) => f.questions);

/** A generous bound: a fixed allowance plus a little per character (the engine caps what it reads). */
const budgetMs = (chars: number) => 1_000 + chars * 0.01;

const controls = fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\r', '\n', '\t', '\u0085', '\u2028', '\u2029', '\u200b', '\u200e', '\u202e', '\ufeff', '\ud800', '\udfff', '\u0301');
/** Random Unicode, controls and lone surrogates, curated questions with noise around them, and sizes up to 20,000. */
const questions = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.tuple(fc.constantFrom(...curated), fc.array(controls, { maxLength: 5 }), fc.string({ maxLength: 30 })).map(([q, cs, noise]) => `${cs.join('')}${q}${noise}${cs.reverse().join('')}`),
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), fc.integer({ min: 100, max: 20_000 })).map(([s, n]) => s.repeat(n)),
  fc.array(fc.oneof(controls, fc.constantFrom(...curated), fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty')), { maxLength: 8 }).map((parts) => parts.join(' ')),
);

/** Every quote of an answer (its own, its suggestions', its other parts') is verbatim text of the document it names. */
function expectVerbatim(a: Answer): void {
  for (const q of a.quotes) expect(isVerbatim(a.document, q.text), `${a.document}: ${q.text}`).toBe(true);
  for (const s of a.suggestions) for (const q of s.quotes) expect(isVerbatim(s.document, q.text), `${s.document}: ${q.text}`).toBe(true);
  for (const m of a.more) expectVerbatim(m);
}

describe('the engine, over generated input (fast-check)', () => {
  it('GIVEN any text THEN it answers without throwing, in bounded time, quoting only verbatim text of the document it attributes', () => {
    fc.assert(
      fc.property(questions, (q) => {
        const started = performance.now();
        const a = knowledge.engine.answer(q);
        expect(performance.now() - started).toBeLessThan(budgetMs(q.length));
        expect(a.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        expect(isWellFormed(a.question)).toBe(true);
        expectVerbatim(a);
        if (a.factId !== null) expect(a.document).toBe(knowledge.fact(a.factId)?.source);
        expect(a.answered).toBe(a.quotes.length > 0);
      }),
      { numRuns: 400 },
    );
  });

  it('GIVEN any partial question THEN autocomplete returns at most the limit, without throwing', () => {
    fc.assert(
      fc.property(questions, fc.integer({ min: 1, max: 25 }), (q, limit) => {
        const started = performance.now();
        const out = knowledge.engine.suggest(q, limit);
        expect(performance.now() - started).toBeLessThan(budgetMs(q.length));
        expect(out.length).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN any id THEN answerFact returns null or the fact with that id, quoting verbatim', () => {
    const ids = fc.oneof(fc.constantFrom(...knowledge.facts.map((f) => f.id)), fc.string(), fc.constantFrom('constructor', '__proto__', 'toString'));
    fc.assert(
      fc.property(ids, (id) => {
        const a = knowledge.engine.answerFact(id);
        if (knowledge.fact(id) === undefined) expect(a).toBeNull();
        else {
          expect(a?.factId).toBe(id);
          expectVerbatim(a as Answer);
        }
      }),
      { numRuns: 200 },
    );
  });

  it.each([1_000_000, 100_000])('GIVEN a %i-character input that NFKC expands THEN it answers in bounded time', (n) => {
    const q = '\ufdfa'.repeat(n);
    const started = performance.now();
    knowledge.engine.answer(q);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
