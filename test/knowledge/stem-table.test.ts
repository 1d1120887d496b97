import porter2 from 'wink-porter2-stemmer';
import { describe, expect, it } from 'vitest';
import { readKnowledgeFiles } from '../../src/knowledge/index.js';
import { factBaseSchema, lexiconSchema, wordnetSchema } from '../../src/knowledge/schema.js';
import { primeStems, stem, words } from '../../src/knowledge/text.js';

const files = readKnowledgeFiles();
const table = wordnetSchema.parse(files.wordnet).stems;

describe("wordnet.json's stem table (a cold build's shortcut past the stemmer)", () => {
  it('GIVEN the bundled table THEN every entry is exactly what Porter2 makes of its word', () => {
    const wrong = Object.entries(table).filter(([word, stemmed]) => porter2(word) !== stemmed);
    expect(wrong).toEqual([]);
    expect(Object.keys(table).length).toBeGreaterThan(500);
  });

  it('GIVEN the bundled facts, article and lexicon THEN every word they stem is in the table (else: npm run build:wordnet)', () => {
    const base = factBaseSchema.parse(files.factBase);
    const lexicon = lexiconSchema.parse(files.lexicon);
    const texts = [
      ...base.facts.flatMap((f) => [f.answer, ...f.questions, ...f.keywords]),
      ...files.articleFiles.values(),
      ...lexicon.aliases.flatMap((a) => [a.canonical, ...a.variants]),
      ...lexicon.stopwords,
    ];
    const stemmed = new Set(texts.flatMap((t) => words(t)).filter((w) => w.length > 3 && !/\d/.test(w)));
    expect([...stemmed].filter((w) => !(w in table))).toEqual([]);
  });

  it('GIVEN a table entry for a word not yet stemmed THEN the stemmer is skipped and the table is used (so the table must be right)', () => {
    primeStems({ zzyzxplorations: 'zzyzx-from-the-table' });
    expect(stem('zzyzxplorations')).toBe('zzyzx-from-the-table');
  });

  it('GIVEN a table that disagrees with a word already stemmed THEN the stem already known stands', () => {
    const before = stem('negotiations');
    primeStems({ negotiations: 'wrong' });
    expect(stem('negotiations')).toBe(before);
  });

  it('GIVEN a malformed stems field THEN the WordNet file is rejected rather than trusted', () => {
    expect(wordnetSchema.safeParse({ english: '', synonyms: {}, stems: { a: 1 } }).success).toBe(false);
    expect(wordnetSchema.safeParse({ english: '', synonyms: {}, stems: ['a'] }).success).toBe(false);
    expect(wordnetSchema.safeParse({ english: '', synonyms: {} }).success).toBe(true);
  });
});
