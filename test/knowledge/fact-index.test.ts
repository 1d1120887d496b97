import { describe, expect, it } from 'vitest';
import { byScoreThenId, type FactDoc, type Scored } from '../../src/knowledge/fact-index.js';
import type { FactEngine } from '../../src/knowledge/engine.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const scored = (id: string, order: number, score: number): Scored => ({ doc: { fact: { id }, order } as unknown as FactDoc, coverage: score, similarity: score, score });

describe('FactIndex: the order of a ranking', () => {
  it('GIVEN the bundled fact base THEN each fact ranks among ties by its id, by code unit, which for kebab-case ids is English collation order too', () => {
    const { docs } = (loadKnowledge().engine as FactEngine)['index'];
    const ids = docs.map((d) => d.fact.id);
    const byCodeUnit = [...ids].sort();
    expect(docs.map((d) => byCodeUnit[d.order])).toEqual(ids);
    expect(new Set(docs.map((d) => d.order)).size).toBe(docs.length);
    // Ties used to be settled with localeCompare: the order is the one English collation gives.
    expect([...ids].sort((a, b) => a.localeCompare(b, 'en'))).toEqual(byCodeUnit);
  });

  it('GIVEN scores THEN the best comes first; GIVEN equal scores THEN the fact earlier in id order does', () => {
    const ranked = [scored('c', 2, 0.5), scored('a', 0, 0.5), scored('z', 3, 0.9), scored('b', 1, 0.1), scored('d', 4, 0.5)].sort(byScoreThenId);
    expect(ranked.map((s) => s.doc.fact.id)).toEqual(['z', 'a', 'c', 'd', 'b']);
  });
});
