import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/knowledge/analyzer.js';
import { readKnowledgeFiles, wordnetTables } from '../../src/knowledge/index.js';
import { lexiconSchema } from '../../src/knowledge/schema.js';
import { stem } from '../../src/knowledge/text.js';

const files = readKnowledgeFiles();
const lexicon = lexiconSchema.parse(files.lexicon);
const vocabulary = ['countries', 'population', 'mistura', 'moving', 'positions', 'patrons', 'extended', 'officials', 'syrian'];

function analyzer(withWordNet: boolean): Analyzer {
  const a = new Analyzer(lexicon, withWordNet ? wordnetTables(files.wordnet) : undefined);
  a.learn(vocabulary);
  return a;
}

describe('analyzer: typos against real words', () => {
  const a = analyzer(true);

  it.each([
    ['contries', 'countries'],
    ['populaton', 'population'],
    ['mistrua', 'mistura'],
    ['officals', 'officials'],
    ['syrain', 'syrian'],
  ])('GIVEN the typo %s THEN it is corrected to %s', (typo, word) => {
    expect(a.analyze(typo).corrections).toEqual([[typo, word]]);
  });

  it.each(['movie', 'provisions', 'patrol', 'courtesies'])('GIVEN the real English word %s THEN it is not "corrected" into a vocabulary word', (word) => {
    expect(a.analyze(word).corrections).toEqual([]);
  });

  it('GIVEN no WordNet THEN the same real word is mis-corrected, which is why the list is there', () => {
    expect(analyzer(false).analyze('patrol').corrections).not.toEqual([]);
  });

  it('GIVEN a lower-case word neither English nor known THEN it is read as a probable name', () => {
    expect([...a.analyze('how old is putin').foreign]).toContain('putin');
    expect([...a.analyze('how old is the conflict').foreign]).toEqual([]);
  });

  it('GIVEN a word read as another through a one-word alias or a synonym THEN its term is marked derived; the term written itself is not', () => {
    const a = analyzer(true);
    expect([...a.analyze("what's the title of the piece").derived]).toEqual(['headlin']);
    expect([...a.analyze("what's the headline").derived]).toEqual([]);
    // Written once itself and once through an alias, the term is the question's own.
    expect([...a.analyze('the title, I mean the headline?').derived]).toEqual([]);
  });

  it('GIVEN a WordNet synonym of a vocabulary word THEN it is read as that word', () => {
    const synonyms = wordnetTables(files.wordnet)?.synonyms;
    const [word, target] = [...(synonyms ?? new Map<string, string>())].find(([, t]) => t === 'extended') ?? [];
    expect(word).toBeDefined();
    expect(a.analyze(word as string).synonymous.size).toBe(1);
    expect(a.analyze(word as string).terms).toEqual(a.analyze(target as string).terms);
  });
});

describe('analyzer: chat spellings', () => {
  const a = analyzer(true);

  it.each([
    ['whyyy', 'a letter held down', 'why'],
    ['sooo', 'a letter held down', 'so'],
    ['hiii', 'a letter held down', 'hi'],
    ['populationnn', 'a letter held down', 'population'],
    ['officiaaals', 'a letter held down', 'officials'],
    ['talkin', 'a final g dropped', 'talking'],
    ['mornin', 'a final g dropped', 'morning'],
    ['fightin', 'a final g dropped', 'fighting'],
  ])('GIVEN %s, %s, THEN it reads as %s', (written, _how, word) => {
    expect(a.analyze(`${written} countries`).terms).toEqual(a.analyze(`${word} countries`).terms);
    expect(a.analyze(written).foreign.size).toBe(0);
  });

  it('GIVEN "hiii" alone THEN it is chatter, like "hi"', () => {
    expect(a.analyze('hiii').smalltalk).toBe(true);
    expect(a.analyze('heyyy thanksss').smalltalk).toBe(true);
  });

  it('GIVEN a run of three letters that stretches no known word THEN the word stays as written', () => {
    expect(a.analyze('zzzqqq countries').terms[0]).toBe('zzzqqq');
  });

  it.each(['didnt', 'isnt', 'theyre', 'wasnt'])('GIVEN %s without its apostrophe THEN it reads like the contraction', (w) => {
    const withApostrophe = w.replace(/nt$/, "n't").replace(/re$/, "'re");
    expect(a.analyze(`${w} the countries agree`).terms).toEqual(a.analyze(`${withApostrophe} the countries agree`).terms);
    expect(a.analyze(`${w} the countries agree`).corrections).toEqual([]);
  });

  it('GIVEN an English word with a doubled consonant before its ending THEN it is English, not a probable name', () => {
    expect([...a.analyze('getting stopped').foreign]).toEqual([]);
  });

  it('GIVEN a word ending in -in that is a word as written (within, cabin) THEN it stays as written', () => {
    expect(a.analyze('within countries').terms).not.toContain(stem('withing'));
    expect(a.analyze('cabin').terms).toEqual([stem('cabin')]);
  });

  it('GIVEN an -in word whose -ing form is no word either THEN it stays as written', () => {
    expect(a.analyze('zzqin countries').terms[0]).toBe('zzqin');
  });
});

describe('analyzer: irregular English is English', () => {
  const a = analyzer(true);

  // WordNet lists lemmas; its exception lists (build:wordnet) add the irregular forms, and the
  // suffix rules the plural of a word ending in -se. Before, these read as probable names in
  // lower-case chat, the evidence of a question about something the article lacks.
  it.each(['brought', 'caught', 'children', 'criteria', 'stood', 'chose', 'causes', 'responses', 'purposes', 'houses'])('GIVEN %s in lower-case chat THEN it is English, not a probable name', (w) => {
    expect([...a.analyze(`what ${w} the war`).foreign]).toEqual([]);
  });

  it('GIVEN a made-up word in lower-case chat THEN it is still a probable name', () => {
    expect([...a.analyze('what zorblaxes the war').foreign]).not.toEqual([]);
  });
});

describe('analyzer: a name heard as several words', () => {
  const a = new Analyzer(lexicon, wordnetTables(files.wordnet));
  a.learn(['At least two million people live in Idlib.', 'Jabhat al-Nusra and President Nazarbayev.', 'Intense clashes in Hama.']);

  it.each([
    ['whats the population of idle ib', 'idlib'],
    ['did they thank nazar by ev', 'nazarbayev'],
    ['is jab hat mentioned', 'jabhat'],
  ])('GIVEN "%s" THEN the words are read as the name %s', (question, name) => {
    const analysis = a.analyze(question);
    expect(analysis.corrections.map(([, to]) => to)).toContain(name);
    // Read as the name, the pieces are gone: neither is a term of its own.
    for (const piece of analysis.corrections.find(([, to]) => to === name)?.[0].split(' ') ?? []) expect(analysis.terms).not.toContain(stem(piece));
  });

  it('GIVEN words of the fact base\'s own, a span opening or closing with a stop-word, or a hyphenated compound THEN nothing is joined', () => {
    const joins = (q: string) => a.analyze(q).corrections.filter(([from]) => from.includes(' '));
    for (const q of ['hama clashes', 'in tense clashes', 'nazar by', 'is it still called jab-hat']) expect(joins(q), q).toEqual([]);
  });

  it('GIVEN the texts indexed word for word THEN no join is tried: the index reads names as written', () => {
    expect(a.analyze('idle ib', { correct: false }).terms).not.toContain('idlib');
  });
});
