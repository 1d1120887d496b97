import { describe, expect, it } from 'vitest';
import { buildKnowledge, loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';
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

describe('knowledge look-ups', () => {
  it('GIVEN a fact id THEN fact() returns it; an unknown or prototype-named id THEN undefined', () => {
    expect(one.fact('rounds')?.answer).toBe('Five rounds of peace talks have been held in Astana since January.');
    for (const id of ['no-such-fact', 'constructor', '__proto__', 'toString']) expect(one.fact(id)).toBeUndefined();
  });
  it('GIVEN a topic THEN factsInTopic lists exactly its facts, in the fact base order', () => {
    expect(one.factsInTopic('idlib').map((f) => f.id)).toEqual(one.facts.filter((f) => f.topic === 'idlib').map((f) => f.id));
    expect(one.factsInTopic('about').map((f) => f.id)).toEqual(['headline', 'author']);
    expect(one.factsInTopic('nope')).toEqual([]);
  });
  it('GIVEN the loaded knowledge THEN facts, topics and documents are frozen', () => {
    expect(Object.isFrozen(one)).toBe(true);
    expect(Object.isFrozen(one.facts)).toBe(true);
    expect(Object.isFrozen(one.facts[0])).toBe(true);
    expect(Object.isFrozen(one.topics[0])).toBe(true);
    expect(one.topics.map((t) => t.id)).toEqual(['process', 'zones', 'idlib', 'un-geneva', 'syria-opposition', 'fighting', 'reactions', 'about']);
    expect(Object.isFrozen(one.article)).toBe(true);
  });
  it('GIVEN radius 0 and the default radius THEN context is the sentence alone, or two on each side', () => {
    expect(one.context(5, 0).map((s) => s.n)).toEqual([5]);
    expect(one.context(5).map((s) => s.n)).toEqual([3, 4, 5, 6, 7]);
    expect(one.context(1).map((s) => s.n)).toEqual([1, 2, 3]);
    expect(one.context(0)).toEqual([]);
    expect(one.context(20)).toEqual([]);
    expect(one.context(19, 1).map((s) => s.n)).toEqual([18, 19]);
  });
});

describe('buildKnowledge, inside a test', () => {
  it('GIVEN the bundled files THEN every look-up of the result works (built here, not at import)', () => {
    const k = buildKnowledge(readKnowledgeFiles());
    expect(k.fact('venue')?.id).toBe('venue');
    expect(k.factsInTopic('about').map((f) => f.id)).toEqual(['headline', 'author']);
    expect(k.topics[0]).toEqual({ id: 'process', title: 'The Astana process', description: expect.any(String) });
    expect(k.context(2, 1).map((s) => s.n)).toEqual([1, 2, 3]);
    expect(k.context(2, 1, 'astana-2017').map((s) => s.n)).toEqual([1, 2, 3]);
    expect(k.engine.answer('Who wrote the article?').factId).toBe('author');
  });
});
