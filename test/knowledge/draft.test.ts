import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftDocument, idFromFileName } from '../../src/knowledge/draft.js';
import type { Draft } from '../../src/knowledge/draft.js';
import { KnowledgeError, buildKnowledge, readKnowledgeFiles, restamp } from '../../src/knowledge/index.js';
import type { KnowledgeFiles } from '../../src/knowledge/index.js';

const FIXTURE = new URL('../fixtures/second-document/', import.meta.url);
const text = readFileSync(new URL('harbour-2021.txt', FIXTURE), 'utf8');
const curated = JSON.parse(readFileSync(new URL('facts.json', FIXTURE), 'utf8')) as Draft;
const bundled = readKnowledgeFiles();
const makeDraft = () => draftDocument(text, { id: 'harbour-2021', file: 'harbour-2021.txt', year: 2021 });

/** The bundled fact base with a draft's documents, topics and facts appended, as docs/curating.md says. */
function merged(d: Pick<Draft, 'documents' | 'topics' | 'facts'>): KnowledgeFiles {
  const base = structuredClone(bundled.factBase) as Draft;
  return {
    ...bundled,
    factBase: { documents: [...base.documents, ...d.documents], topics: [...base.topics, ...d.topics], facts: [...base.facts, ...d.facts] },
    articleFiles: new Map([...bundled.articleFiles, ['harbour-2021.txt', text]]),
  };
}

function problemsOf(files: KnowledgeFiles): readonly string[] {
  try {
    buildKnowledge(files);
    return [];
  } catch (err) {
    if (err instanceof KnowledgeError) return err.problems;
    throw err;
  }
}

describe('draftDocument (knowledge:new)', () => {
  it('GIVEN the second test document THEN its sentences are numbered as the bot numbers them, with one skeleton fact each', () => {
    const draft = makeDraft();
    expect(Object.keys(draft.sentences)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(draft.sentences['3']).toBe('The restoration cost 420,000 pounds, most of it raised by the Port Elwen Harbour Trust from local donations.');
    expect(draft.sentences['7']).toBe('Ieuan Probert');
    expect(draft.documents).toEqual([{ id: 'harbour-2021', file: 'harbour-2021.txt', year: 2021, aliases: {} }]);
    expect(draft.facts.map((f) => [f.id, f.sentences])).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => [`harbour-2021-${n}`, [n]]));
    expect(draft.facts[2]).toEqual({ id: 'harbour-2021-3', source: 'harbour-2021', topic: 'harbour-2021', answer: '', sentences: [3], keywords: [], questions: [] });
    expect(draft.facts.every((f) => f.source === 'harbour-2021' && f.topic === 'harbour-2021' && f.answer === '' && !('stamp' in f))).toBe(true);
    expect(draft.topics).toEqual([{ id: 'harbour-2021', title: 'TODO: a topic title (at most 100 characters)', description: 'TODO: what its facts are about (at most 200 characters)' }]);
    expect(Object.getPrototypeOf(draft.sentences)).toBe(Object.prototype);
  });

  it('GIVEN the draft merged as it is THEN the check refuses every skeleton fact until it is written and stamped', () => {
    const draft = makeDraft();
    const found = problemsOf(merged(draft));
    for (const f of draft.facts) {
      expect(found).toContain(`fact "${f.id}": field "answer": must not be empty`);
      expect(found.some((p) => p.startsWith(`fact "${f.id}": field "keywords"`))).toBe(true);
    }
  });

  it('GIVEN the skeletons filled in as the curated fixture does, then accepted THEN the merged fact base passes every check', () => {
    const draft = makeDraft();
    // The curator keeps the skeleton of each fact's first sentence, writes it, and deletes the others
    // (sentence 1 is cited together with 2, sentence 7 with 6).
    const written = curated.facts.map((fact) => {
      const skeleton = draft.facts.find((f) => f.sentences[0] === fact.sentences[0]) as Draft['facts'][number];
      return { ...skeleton, topic: fact.topic, answer: fact.answer, sentences: fact.sentences, keywords: fact.keywords, questions: fact.questions };
    });
    const files = merged({ documents: draft.documents, topics: curated.topics, facts: written });
    expect(problemsOf(files).every((p) => /field "stamp" is missing/.test(p))).toBe(true);
    const { factBase, stamped } = restamp(files.factBase, files.articleFiles, 'all');
    expect(stamped).toEqual(written.map((f) => f.id));
    expect(problemsOf({ ...files, factBase })).toEqual([]);
  });

  it('GIVEN the first and last accepted years and a usual file name THEN a draft is made', () => {
    for (const year of [1900, 2100]) expect(draftDocument(text, { id: 'harbour-2021', file: 'harbour-2021.txt', year }).documents[0]?.year).toBe(year);
  });

  it.each([
    [{ id: 'a', file: 'a.txt.bak', year: 2021 }, 'file "a.txt.bak" must be a .txt file name'],
    [{ id: 'a', file: 'a.txt', year: 1899 }, 'year 1899 must be a whole year'],
    [{ id: 'a', file: 'a.txt', year: 2101 }, 'year 2101 must be a whole year'],
    [{ id: 'a', file: 'a.txt', year: 2020.5 }, 'year 2020.5 must be a whole year'],
    [{ id: 'Not Kebab', file: 'a.txt', year: 2021 }, 'document id "Not Kebab" must be kebab-case'],
    [{ id: 'a', file: '../a.txt', year: 2021 }, 'file "../a.txt" must be a .txt file name'],
    [{ id: 'a', file: 'a.txt', year: 21 }, 'year 21 must be a whole year'],
  ])('GIVEN bad options %j THEN it refuses: %s', (options, message) => {
    expect(() => draftDocument(text, options)).toThrow(message);
  });

  it('GIVEN a text without a byline block THEN it says what layout it expects', () => {
    expect(() => draftDocument('Just one line', { id: 'a', file: 'a.txt', year: 2021 })).toThrow(/expected a headline, at least one paragraph and a byline/);
  });

  it.each([
    ['harbour-2021.txt', 'harbour-2021'],
    ['Harbour Muséum 2021.txt', 'harbour-museum-2021'],
    ['report.v2.txt', 'report-v2'],
    ['Über  Café__2021.txt', 'uber-cafe-2021'],
    ['__x__.TXT', 'x'],
  ])('GIVEN file name %s THEN the id %s', (name, id) => {
    expect(idFromFileName(name)).toBe(id);
  });
});
