import { describe, expect, it } from 'vitest';
import { KnowledgeError, buildKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';
import type { KnowledgeFiles } from '../../src/knowledge/index.js';

type Mutable = { documents: Array<Record<string, unknown>>; topics: Array<Record<string, unknown>>; facts: Array<Record<string, unknown>> };

const bundled = readKnowledgeFiles();

/** A deep copy of the bundled files with one edit applied, as a curator's mistake would be. */
function withEdit(edit: (base: Mutable, lexicon: { aliases: Array<{ canonical: string; variants: string[] }> }) => void, articleFiles = bundled.articleFiles): KnowledgeFiles {
  const factBase = structuredClone(bundled.factBase) as Mutable;
  const lexicon = structuredClone(bundled.lexicon) as { aliases: Array<{ canonical: string; variants: string[] }> };
  edit(factBase, lexicon);
  return { factBase, lexicon, articleFiles };
}

function problemsOf(files: KnowledgeFiles): readonly string[] {
  try {
    buildKnowledge(files);
  } catch (err) {
    if (err instanceof KnowledgeError) return err.problems;
    throw err;
  }
  return [];
}

describe('fact base integrity', () => {
  it('GIVEN the bundled fact base THEN it passes every check', () => {
    expect(problemsOf(bundled)).toEqual([]);
  });
  it('GIVEN two facts with one id THEN the duplicate is named', () => {
    const files = withEdit((b) => {
      (b.facts[1] as { id: string }).id = (b.facts[0] as { id: string }).id;
    });
    expect(problemsOf(files)).toContain('fact "coordination-center": field "id" is not unique');
  });
  it('GIVEN a citation of a sentence that does not exist THEN the fact and the field are named', () => {
    const files = withEdit((b) => {
      (b.facts[0] as { sentences: number[] }).sentences = [99];
    });
    expect(problemsOf(files)).toContain('fact "coordination-center": field "sentences" cites sentence 99, but the article has sentences 1-19');
  });
  it('GIVEN a sentence no fact cites THEN it is reported as uncovered', () => {
    const files = withEdit((b) => {
      b.facts = b.facts.filter((f) => f.id !== 'author');
    });
    expect(problemsOf(files)).toContain('document "astana-2017": sentence 19 is not covered by any fact');
  });
  it('GIVEN an empty answer THEN the schema names the fact and the field', () => {
    const files = withEdit((b) => {
      (b.facts[2] as { answer: string }).answer = '   ';
    });
    expect(problemsOf(files)).toContain('fact "guarantors": field "answer": must not be empty');
  });
  it('GIVEN an unknown topic or source THEN both are named', () => {
    const files = withEdit((b) => {
      Object.assign(b.facts[3] as object, { topic: 'nope', source: 'other-article' });
    });
    const found = problemsOf(files);
    expect(found).toContain('fact "rounds": field "topic" names unknown topic "nope"');
    expect(found).toContain('fact "rounds": field "source" names unknown document "other-article"');
  });
  it('GIVEN a curated question too long for a button label THEN it is refused', () => {
    const files = withEdit((b) => {
      (b.facts[0] as { questions: string[] }).questions.push('x'.repeat(81));
    });
    expect(problemsOf(files).some((p) => p.startsWith('fact "coordination-center": field "questions.'))).toBe(true);
  });
  it('GIVEN an alias variant claimed by two canonical forms THEN the lexicon is refused', () => {
    const files = withEdit((_b, lex) => {
      lex.aliases[0]?.variants.push('turkish');
    });
    expect(problemsOf(files)).toContain('lexicon: variant "turkish" belongs to both "russia" and "turkey"');
  });
  it('GIVEN an article edited after curation THEN no fact can quote it and loading fails', () => {
    const edited = new Map([['article.txt', (bundled.articleFiles.get('article.txt') as string).replace('Vanessa Coleman', '')]]);
    expect(() => buildKnowledge(withEdit(() => undefined, edited))).toThrow(KnowledgeError);
  });
  it('GIVEN several problems THEN the error message lists them all', () => {
    const files = withEdit((b) => {
      (b.facts[0] as { sentences: number[] }).sentences = [99];
      (b.facts[1] as { topic: string }).topic = 'nope';
    });
    expect(() => buildKnowledge(files)).toThrow(/2 problems in the fact base/);
  });
});
