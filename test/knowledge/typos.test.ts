import { describe, expect, it } from 'vitest';
import { TypoCorrector } from '../../src/knowledge/typos.js';

const corrector = new TypoCorrector();
corrector.learn(new Set(['countries', 'population', 'mistura', 'idlib', 'assad', 'taking', 'guarantor', 'syrian', 'is', 'zone']));

describe('TypoCorrector', () => {
  it.each([
    ['contries', 'countries'],
    ['populaton', 'population'],
    ['mistrua', 'mistura'],
    ['syrain', 'syrian'],
    ['idlb', 'idlib'],
    ['asad', 'assad'],
    ['takin', 'taking'],
    ['guarentor', 'guarantor'],
  ])('GIVEN %s THEN %s', (typo, word) => {
    expect(corrector.closest(typo)).toBe(word);
  });

  it.each(['xyzzy', 'qwertyuiop', 'ab', 'zon', 'kountries'])('GIVEN %s THEN nothing close enough (or a different first letter)', (w) => {
    expect(corrector.closest(w)).toBeNull();
  });

  it('GIVEN a new vocabulary THEN the old one is forgotten', () => {
    const c = new TypoCorrector();
    c.learn(new Set(['population']));
    expect(c.closest('populaton')).toBe('population');
    c.learn(new Set(['countries']));
    expect(c.closest('populaton')).toBeNull();
  });
});
