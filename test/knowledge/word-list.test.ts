import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordList } from '../../src/knowledge/word-list.js';

describe('WordList', () => {
  it('GIVEN a sorted list THEN it finds exactly its words', () => {
    const list = new WordList('abacus apple banana cherry');
    for (const w of ['abacus', 'apple', 'banana', 'cherry']) expect(list.has(w)).toBe(true);
    for (const w of ['', 'a', 'app', 'apples', 'banan', 'cherryx', 'zebra', 'aardvark', 'apple banana']) expect(list.has(w)).toBe(false);
  });

  it('GIVEN an empty list THEN nothing is in it', () => {
    expect(new WordList('').has('anything')).toBe(false);
  });

  it('GIVEN any set of words THEN has() agrees with a Set', () => {
    const word = fc.stringMatching(/^[a-z]{1,8}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 60 }), fc.array(word, { maxLength: 30 }), (words, probes) => {
        const sorted = [...words].sort();
        const list = new WordList(sorted.join(' '));
        const set = new Set(words);
        for (const w of [...words, ...probes]) expect(list.has(w)).toBe(set.has(w));
      }),
    );
  });
});
