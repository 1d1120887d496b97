import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { loadTwoDocumentKnowledge } from '../helpers/knowledge.js';
import { isVerbatim } from '../helpers/sources.js';

const one = loadKnowledge();
const two = loadTwoDocumentKnowledge();

describe('a knowledge base of two documents', () => {
  it('GIVEN two documents THEN each owns its headline, byline, year, numbering and aliases; the first stays primary', () => {
    const harbour = two.documents.get('harbour-2021');
    expect(two.article).toBe(two.documents.get('astana-2017'));
    expect(harbour).toMatchObject({ id: 'harbour-2021', year: 2021, byline: 'Ieuan Probert', headline: "Lighthouse keepers' cottage reopens as a harbour museum in Port Elwen" });
    expect(harbour?.sentences.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(two.article.aliases?.get('syria')).toEqual(['Syrian']);
    expect(harbour?.aliases?.size).toBe(0);
  });

  it('GIVEN a sentence number and a document THEN context comes from that document only', () => {
    expect(two.context(3, 1, 'harbour-2021').map((s) => s.text.slice(0, 20))).toEqual(['The old keepers\' cot', 'The restoration cost', "The museum's first e"]);
    expect(two.context(3, 1).map((s) => s.n)).toEqual([2, 3, 4]);
    expect(two.context(3, 1)[1]?.text).toBe(one.article.sentences[2]?.text);
    expect(two.context(3, 1, 'no-such-document')).toEqual([]);
    expect(two.context(8, 1, 'harbour-2021')).toEqual([]);
    expect(two.context(7, 2, 'harbour-2021').map((s) => s.n)).toEqual([5, 6, 7]);
  });

  it('GIVEN a question about the second document THEN the answer names it and quotes its file verbatim', () => {
    const a = two.engine.answer('How much did the cottage restoration cost?');
    expect(a).toMatchObject({ outcome: 'answer', factId: 'museum-cost', document: 'harbour-2021', quotes: [{ sentence: 3 }] });
    for (const q of a.quotes) {
      expect(isVerbatim('harbour-2021', q.text)).toBe(true);
      expect(isVerbatim('astana-2017', q.text)).toBe(false);
    }
  });

  it('GIVEN every curated question of the first document THEN the second document changes no answer', () => {
    const changed = one.facts.flatMap((f) => f.questions).filter((q) => {
      const [a, b] = [one.engine.answer(q), two.engine.answer(q)];
      return a.factId !== b.factId || a.document !== b.document || JSON.stringify(a.quotes) !== JSON.stringify(b.quotes);
    });
    expect(changed).toEqual([]);
  });
});
