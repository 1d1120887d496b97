import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../src/knowledge/analyzer.js';
import { readKnowledgeFiles, wordnetTables } from '../../src/knowledge/index.js';
import { PhoneticNames } from '../../src/knowledge/phonetic.js';
import { lexiconSchema } from '../../src/knowledge/schema.js';

describe('PhoneticNames', () => {
  const names = new PhoneticNames();
  names.learn(['syria', 'guterres', 'nazarbayev', 'idlib', 'kazakhstan']);

  it.each([
    ['sirya', 'syria'],
    ['gutierez', 'guterres'],
    ['nazerbaev', 'nazarbayev'],
    ['idleb', 'idlib'],
    ['kazakstan', 'kazakhstan'],
  ])('GIVEN %s, spelt as it sounds THEN it is %s', (word, name) => {
    expect(names.closest(word)).toBe(name);
  });

  it('GIVEN a word that sounds like a name but starts with another letter THEN no guess', () => {
    expect(names.closest('cyria')).toBeNull();
  });

  it('GIVEN a word much longer than the name it sounds like THEN no guess', () => {
    expect(names.closest('syriaaaa')).toBeNull();
  });

  it('GIVEN a word with the sound code of a name but few of its letters THEN no guess', () => {
    // "sohr" (an acronym) and "swore" both code as "SR", as "syria" does, but share only s and r.
    expect(names.closest('sohr')).toBeNull();
    expect(names.closest('swore')).toBeNull();
  });

  it('GIVEN a word too short to judge by sound, or the name itself THEN no guess', () => {
    expect(names.closest('sir')).toBeNull();
    expect(names.closest('syria')).toBeNull();
  });

  it('GIVEN two names with one sound THEN neither is guessed', () => {
    const twins = new PhoneticNames();
    twins.learn(['syria', 'soria']);
    expect(twins.closest('sirya')).toBeNull();
  });
});

describe('analyzer: names misspelt by sound', () => {
  const files = readKnowledgeFiles();
  const a = new Analyzer(lexiconSchema.parse(files.lexicon), wordnetTables(files.wordnet));
  a.learn(['The war in Syria', 'Staffan de Mistura said', 'Guterres said', 'Sierra is a word here too']);

  it('GIVEN a name misspelt as it sounds THEN the question reads the name', () => {
    expect(a.analyze('who is the envoy for sirya').corrections).toContainEqual(['sirya', 'syria']);
    expect(a.analyze('what did gutierez say').corrections).toContainEqual(['gutierez', 'guterres']);
  });

  it('GIVEN a real English word that sounds like a name THEN it is left alone', () => {
    expect(a.analyze('how high is the sierra').corrections).toEqual([]);
  });
});
