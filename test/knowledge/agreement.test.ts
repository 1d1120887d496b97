import { describe, expect, it } from 'vitest';
import { numberValue, termsOf, unbackedTerms } from '../../src/knowledge/agreement.js';

const words = (answer: string) => termsOf(answer).map((t) => `${t.kind}:${t.word}`);

describe('termsOf: what an answer must back with its quotes', () => {
  it('GIVEN numbers, months, days and names THEN each is a term of its kind', () => {
    expect(words('On September 15 Iran sent 420,000 pounds, five boats and the 6th envoy on Mondays.')).toEqual([
      'month:September', 'number:15', 'name:Iran', 'number:420,000', 'number:five', 'number:6th', 'day:Mondays',
    ]);
  });
  it('GIVEN a capitalised word that only starts a sentence THEN it is not a name, but a real name there is', () => {
    expect(words('The talks ended. They resume. Iran agreed: Besides, Turkey did.')).toEqual(['name:Iran', 'name:Turkey']);
  });
  it('GIVEN "one" standing for a noun THEN it is no number; a count of one is', () => {
    expect(words('the final one')).toEqual([]);
    expect(words('one zone')).toEqual(['number:one']);
  });
  it('GIVEN lower-case months and days, or a capital inside a word THEN they are ordinary words', () => {
    expect(words('we may march on a sunday')).toEqual([]);
    expect(words('the mArch of sUnday on an iPhone')).toEqual([]);
  });
  it('GIVEN a sentence opener in the middle of a sentence THEN it is a name there', () => {
    expect(words('Talks in The Hague.')).toEqual(['name:Talks', 'name:The', 'name:Hague']);
  });
  it('GIVEN a possessive, diacritics and a quotation THEN the bare name is the term', () => {
    expect(words('Syria\u2019s envoy said "Astana works" in Zürich.')).toEqual(['name:Syria', 'name:Astana', 'name:Zurich']);
  });
});

describe('numberValue', () => {
  it.each([
    ['420,000', 420_000], ['1,000,000', 1_000_000], ['2.25', 2.25], ['1987', 1987], ['6th', 6], ['1990s', 1990], ['2.5', 2.5], ['sixth', 6], ['Five', 5], ['twelve', 12], ['million', 1e6],
  ])('GIVEN %s THEN %d', (token, value) => {
    expect(numberValue(token)).toBe(value);
  });
  it.each(['Iran', 'ten-ish', '1,2', 'x6'])('GIVEN %s THEN it is no number', (token) => {
    expect(numberValue(token)).toBeNull();
  });
});

describe('unbackedTerms', () => {
  const quote = 'The Russian Federation held five rounds of talks in Astana on Friday, September 15, with 6th-year envoys.';
  it('GIVEN an answer using only what the quote says THEN nothing is unbacked', () => {
    expect(unbackedTerms('Five rounds were held in Astana on Friday, September 15.', [quote])).toEqual([]);
  });
  it('GIVEN the same number written in words or digits THEN it is backed either way', () => {
    expect(unbackedTerms('There were 5 rounds; the sixth year.', [quote])).toEqual([]);
  });
  it('GIVEN a name the quote lacks THEN it is unbacked unless the document declares an alias found in the quote', () => {
    expect(unbackedTerms('Russia held them.', [quote]).map((t) => t.word)).toEqual(['Russia']);
    expect(unbackedTerms('Russia held them.', [quote], new Map([['russia', ['Russian Federation']]]))).toEqual([]);
    expect(unbackedTerms('Russia held them.', [quote], new Map([['russia', ['Moscow']]])).map((t) => t.word)).toEqual(['Russia']);
  });
  it('GIVEN an alias phrase that only occurs inside a longer word THEN it does not count', () => {
    expect(unbackedTerms('Russia held them.', ['The Russians came.'], new Map([['russia', ['Russian']]])).map((t) => t.word)).toEqual(['Russia']);
  });
  it('GIVEN a number, month, day or name changed THEN exactly that word is unbacked', () => {
    const bad = unbackedTerms('Seven rounds were held in Geneva on Monday, October 16.', [quote]);
    expect(bad.map((t) => `${t.kind}:${t.word}`)).toEqual(['number:Seven', 'name:Geneva', 'day:Monday', 'month:October', 'number:16']);
  });
  it('GIVEN a plural day in the answer and the singular in the quote THEN it is backed', () => {
    expect(unbackedTerms('It is closed on Fridays.', [quote])).toEqual([]);
  });
  it('GIVEN several cited sentences THEN a word at the boundary of two is still a word of its own', () => {
    expect(unbackedTerms('Iran agreed; talks ended.', ['Talks ended.', 'Iran agreed.'])).toEqual([]);
    expect(unbackedTerms('Iran agreed.', ['Talks ended', 'Iran agreed'])).toEqual([]);
  });
  it('GIVEN a plural day in the answer and a plural in the quote THEN each side is read as the other', () => {
    expect(unbackedTerms('Closed on Tuesdays.', ['Closed on Tuesday.'])).toEqual([]);
    expect(unbackedTerms('Open on Friday.', ['It opens on Fridays.'])).toEqual([]);
  });
  it('GIVEN a plural name that is not a day THEN the singular in the quote does not back it', () => {
    expect(unbackedTerms('The Kurds met.', ['A Kurd met.']).map((t) => t.word)).toEqual(['Kurds']);
  });
  it('GIVEN names that are Object.prototype keys THEN they are looked up like any other word (prototype-free tables)', () => {
    expect(unbackedTerms('Constructor met Hasownproperty and Tostring.', ['Nothing here.']).map((t) => t.word)).toEqual(['Constructor', 'Hasownproperty', 'Tostring']);
    expect(unbackedTerms('Constructor met.', ['The builder met.'], new Map([['constructor', ['builder']]]))).toEqual([]);
  });
});
