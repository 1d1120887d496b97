import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { nearCopyFinder, similarityRatio } from '../helpers/similarity.js';
import { readQuestions } from './scoring.js';

/**
 * A test question that nearly repeats a curated question (or a long lexicon entry) measures the
 * curation, not the engine. Questions that did were moved to test/fixtures/training/ (by
 * scripts/move-near-copies.ts), which only the decider's fitting reads.
 */
const { facts } = loadKnowledge();
const lexicon = (await import('../../src/knowledge/lexicon.json', { with: { type: 'json' } })).default as {
  aliases: Array<{ canonical: string; variants: string[] }>;
  stopwords: string[];
};
const nearCopyOf = nearCopyFinder({ facts, lexicon });
const FIXTURES = new URL('../fixtures/', import.meta.url);
const sets = readdirSync(FIXTURES).filter((f) => /^questions\..+\.jsonl$/.test(f));

describe('test questions are held apart from the fact base and the lexicon', () => {
  it('GIVEN the fixtures THEN there are question sets to check', () => {
    expect(sets.length).toBeGreaterThanOrEqual(13);
  });

  it.each(sets)('GIVEN %s THEN no question is within a 0.8 similarity ratio of a curated question or a long lexicon entry', (name) => {
    const close = readQuestions(new URL(name, FIXTURES)).flatMap(({ q }) => {
      const near = nearCopyOf(q);
      return near === undefined ? [] : [`${q}  ~  ${near}`];
    });
    expect(close).toEqual([]);
  });

  it('GIVEN the similarity ratio THEN it flags a near copy and passes a real rewording', () => {
    expect(similarityRatio('who are the three guarantor countries', 'who are the guarantor countries')).toBeGreaterThanOrEqual(0.8);
    expect(similarityRatio('which states sponsor the kazakh process', 'who are the guarantor countries')).toBeLessThan(0.8);
  });
});
