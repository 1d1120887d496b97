import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, buildKnowledge, readKnowledgeFiles, restamp } from '../../src/knowledge/index.js';
import type { KnowledgeFiles } from '../../src/knowledge/index.js';
import { loadTwoDocumentKnowledge } from '../helpers/knowledge.js';

type Mutable = { documents: Array<Record<string, unknown>>; topics: Array<Record<string, unknown>>; facts: Array<Record<string, unknown>> };

const bundled = readKnowledgeFiles();

/** A deep copy of the bundled files with one edit applied, as a curator's mistake would be. */
function withEdit(edit: (base: Mutable, lexicon: { aliases: Array<{ canonical: string; variants: string[] }> }) => void, articleFiles = bundled.articleFiles): KnowledgeFiles {
  const factBase = structuredClone(bundled.factBase) as Mutable;
  const lexicon = structuredClone(bundled.lexicon) as { aliases: Array<{ canonical: string; variants: string[] }> };
  edit(factBase, lexicon);
  return { factBase, lexicon, articleFiles };
}

const FACTS = (bundled.factBase as Mutable).facts as Array<{ id: string; sentences: number[] }>;

/** The ids of the bundled facts citing a sentence that matches, sorted. */
const citing = (pick: (n: number) => boolean): string[] => FACTS.filter((f) => f.sentences.some(pick)).map((f) => f.id).sort();

/** The facts a list of problems names, sorted and without repeats. */
const namedFacts = (found: readonly string[]): string[] => [...new Set(found.flatMap((p) => /^fact "([^"]+)"/.exec(p)?.[1] ?? []))].sort();

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
  it('GIVEN a word of one sentence edited after curation THEN no fact citing it can quote it and loading fails', () => {
    const raw = bundled.articleFiles.get('article.txt') as string;
    const edited = new Map([['article.txt', raw.replace('"We have welcomed the Astana talks', '"We have praised the Astana talks')]]);
    expect(edited.get('article.txt')).not.toBe(raw);
    const found = problemsOf(withEdit(() => undefined, edited));
    expect(namedFacts(found)).toEqual(citing((n) => n === 14));
    expect(() => buildKnowledge(withEdit(() => undefined, edited))).toThrow(KnowledgeError);
  });
  it('GIVEN "facts" that is not a list THEN the file is named, not a fact', () => {
    const files = withEdit((b) => ((b as { facts: unknown }).facts = 'none'));
    expect(problemsOf(files)).toEqual(['facts.json: field "facts": Invalid input: expected array, received string']);
  });
  it('GIVEN a topic no fact belongs to THEN it is named', () => {
    const files = withEdit((b) => b.topics.push({ id: 'empty', title: 'Empty', description: 'Nothing here.' }));
    expect(problemsOf(files)).toEqual(['topic "empty": no fact belongs to it']);
  });
  it('GIVEN a fact without an id THEN the schema names it by position', () => {
    const files = withEdit((b) => delete (b.facts[4] as { id?: string }).id);
    expect(problemsOf(files)).toEqual(['fact #5: field "id": Invalid input: expected string, received undefined']);
  });
  it('GIVEN variants that differ only by a space under two canonical forms THEN they do not clash', () => {
    const files = withEdit((_b, lex) => lex.aliases.push({ canonical: 'zz-one', variants: ['foo bar'] }, { canonical: 'zz-two', variants: ['foobar'] }));
    expect(problemsOf(files)).toEqual([]);
  });
  it('GIVEN a fact base that is not an object THEN the problem is placed at the root', () => {
    expect(problemsOf({ ...bundled, factBase: 'facts' })).toEqual(['facts.json: field "(root)": Invalid input: expected object, received string']);
  });
  it('GIVEN a lexicon variant with no words THEN it is named', () => {
    const files = withEdit((_b, lex) => lex.aliases[0]?.variants.push('!!'));
    expect(problemsOf(files)).toContain('lexicon: alias "russia": variant "!!" has no words');
  });
  it('GIVEN a document whose file is missing THEN the document and the file are named', () => {
    expect(problemsOf({ ...bundled, articleFiles: new Map() })).toContain('document "astana-2017": field "file": article.txt was not found');
  });
  it('GIVEN a malformed lexicon and fact base together THEN both files\' problems are listed', () => {
    const files = withEdit((b, lex) => {
      (b as { topics: unknown }).topics = 'none';
      (lex as { stopwords?: unknown }).stopwords = 3;
    });
    const found = problemsOf(files);
    expect(found.some((p) => p.startsWith('facts.json: field "topics"'))).toBe(true);
    expect(found.some((p) => p.startsWith('lexicon.json: field "stopwords"'))).toBe(true);
  });
  it('GIVEN a folder with unreadable files THEN reading names the file and the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knowledge-read-'));
    try {
      const url = pathToFileURL(`${dir}/`);
      writeFileSync(join(dir, 'facts.json'), '{ not json');
      expect(() => readKnowledgeFiles(url)).toThrow(/^facts\.json: cannot be read as JSON/);
      writeFileSync(join(dir, 'facts.json'), JSON.stringify({ documents: [{ file: 'gone.txt' }, { file: '../escape.txt' }, { file: 'gone.txt.bak' }, { file: 3 }, null] }));
      writeFileSync(join(dir, 'lexicon.json'), '{}');
      expect(() => readKnowledgeFiles(url)).toThrow(/^document file "gone\.txt": cannot be read/);
      writeFileSync(join(dir, 'gone.txt'), 'text');
      expect(() => readKnowledgeFiles(url)).toThrow(/^decider\.json: cannot be read as JSON/);
      writeFileSync(join(dir, 'decider.json'), '{}');
      writeFileSync(join(dir, 'wordnet.json'), '{}');
      writeFileSync(join(dir, 'gone.txt'), 'text');
      expect([...readKnowledgeFiles(url).articleFiles.keys()]).toEqual(['gone.txt']);
      writeFileSync(join(dir, 'facts.json'), JSON.stringify({ documents: 'none' }));
      expect(readKnowledgeFiles(url).articleFiles.size).toBe(0);
      writeFileSync(join(dir, 'facts.json'), 'null');
      expect(readKnowledgeFiles(url).articleFiles.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('GIVEN one problem THEN the message is that problem alone', () => {
    const files = withEdit((b) => ((b.facts[1] as { topic: string }).topic = 'nope'));
    expect(() => buildKnowledge(files)).toThrow(/^fact "headline": field "topic" names unknown topic "nope"$/);
  });
  it('GIVEN several problems THEN the error message lists them all', () => {
    const files = withEdit((b) => {
      (b.facts[0] as { sentences: number[] }).sentences = [99];
      (b.facts[1] as { topic: string }).topic = 'nope';
    });
    expect(() => buildKnowledge(files)).toThrow(
      /^2 problems in the fact base:\n {2}fact "coordination-center": field "sentences" cites sentence 99, but the article has sentences 1-19\n {2}fact "headline": field "topic" names unknown topic "nope"$/,
    );
  });
});

describe('stamps: an edited article stops the load until the affected facts are re-read', () => {
  const raw = bundled.articleFiles.get('article.txt') as string;
  const articleWith = (from: string, to: string): Map<string, string> => {
    expect(raw).toContain(from);
    return new Map([['article.txt', raw.replace(from, to)]]);
  };

  it('GIVEN a changed number THEN exactly the facts citing that sentence are named, and the answer quoting the old number disagrees', () => {
    const found = problemsOf(withEdit(() => undefined, articleWith('held five rounds', 'held six rounds')));
    expect(namedFacts(found)).toEqual(citing((n) => n === 2));
    expect(found).toContain(
      'fact "rounds": sentence 2 of "astana-2017" changed since the fact was stamped: review its answer and citations, then run npm run knowledge:check -- --accept rounds',
    );
    expect(found).toContain('fact "rounds": field "answer": number "Five" does not occur in its cited sentence 2 (nor through an alias of its document)');
  });

  it('GIVEN a removed sentence THEN every fact citing it or a sentence after it is named, with where the text went', () => {
    const found = problemsOf(withEdit(() => undefined, articleWith('Three de-escalation zones previously agreed on saw a dramatic drop in hostilities.\n\n', '')));
    expect(namedFacts(found)).toEqual(citing((n) => n >= 15));
    expect(found).toContain(
      'fact "next-round": sentence 16 of "astana-2017" changed since the fact was stamped: the text it was stamped with is now sentence 15: update field "sentences", then run npm run knowledge:check -- --accept next-round',
    );
    expect(found).toContain('fact "author": field "sentences" cites sentence 19, but the article has sentences 1-18');
    expect(found).toContain(
      'fact "author": sentence 19 of "astana-2017" changed since the fact was stamped: the text it was stamped with is now sentence 18: update field "sentences", then run npm run knowledge:check -- --accept author',
    );
  });

  it('GIVEN two sentences merged into one THEN every fact citing either or a later sentence is named', () => {
    const found = problemsOf(withEdit(() => undefined, articleWith('al-Assad. They expressed', 'al-Assad, and they expressed')));
    expect(namedFacts(found)).toEqual(citing((n) => n >= 10));
  });

  it('GIVEN a fact without a stamp THEN it is named with the command that stamps it', () => {
    const found = problemsOf(withEdit((b) => delete (b.facts[5] as { stamp?: string }).stamp));
    expect(found).toEqual([
      'fact "start": field "stamp" is missing: review its answer against sentence 2 of "astana-2017", then run npm run knowledge:check -- --accept start',
    ]);
  });

  it('GIVEN citations reordered THEN the stamp no longer matches (it fingerprints the text in the order cited)', () => {
    const found = problemsOf(withEdit((b) => (b.facts.find((f) => f.id === 'idlib-control') as { sentences: number[] }).sentences.reverse()));
    expect(namedFacts(found)).toEqual(['idlib-control']);
  });

  it('GIVEN the edited article and a curator accepting only some facts THEN the others stay named until accepted', () => {
    const files = withEdit(() => undefined, articleWith('to broader talks', 'to wider talks'));
    expect(namedFacts(problemsOf(files))).toEqual(['de-mistura-call', 'de-mistura-role']);
    const one = restamp(files.factBase, files.articleFiles, ['de-mistura-role']);
    expect(one.stamped).toEqual(['de-mistura-role']);
    expect(namedFacts(problemsOf({ ...files, factBase: one.factBase }))).toEqual(['de-mistura-call']);
    const all = restamp(one.factBase, files.articleFiles, 'all');
    expect(all.stamped).toEqual(['de-mistura-call']);
    expect(problemsOf({ ...files, factBase: all.factBase })).toEqual([]);
  });

  it('GIVEN a changed number accepted wholesale THEN the answer still disagrees with its quote: accepting is no way round the agreement check', () => {
    const files = withEdit(() => undefined, articleWith('held five rounds', 'held six rounds'));
    const { factBase } = restamp(files.factBase, files.articleFiles, 'all');
    expect(problemsOf({ ...files, factBase })).toEqual(['fact "rounds": field "answer": number "Five" does not occur in its cited sentence 2 (nor through an alias of its document)']);
  });

  it('GIVEN an id no fact has, or a citation past the end THEN re-stamping refuses and says why', () => {
    expect(() => restamp(bundled.factBase, bundled.articleFiles, ['no-such-fact'])).toThrow('--accept no-such-fact: no fact has this id');
    const files = withEdit((b) => ((b.facts[0] as { sentences: number[] }).sentences = [1, 99]));
    expect(() => restamp(files.factBase, files.articleFiles, 'all')).toThrow(/^fact "coordination-center": cites a sentence "astana-2017" does not have \(1-19\): fix field "sentences" first$/);
    expect(() => restamp(files.factBase, files.articleFiles, ['coordination-center', 'nope'])).toThrow(/^2 problems:\n {2}--accept nope: no fact has this id\n {2}fact "coordination-center": cites/);
    const top = withEdit((b) => ((b as { topics: unknown }).topics = 'none'));
    expect(() => restamp(top.factBase, top.articleFiles, 'all')).toThrow(/^facts\.json: field "topics"/);
  });

  it('GIVEN a malformed fact base, a missing document file or an unknown source THEN re-stamping refuses, naming each', () => {
    const malformed = withEdit((b) => ((b.facts[2] as { answer: string }).answer = ''));
    expect(() => restamp(malformed.factBase, malformed.articleFiles, 'all')).toThrow('fact "guarantors": field "answer": must not be empty');
    expect(() => restamp(bundled.factBase, new Map(), ['rounds'])).toThrow('document "astana-2017": field "file": article.txt was not found');
    const unknown = withEdit((b) => ((b.facts[3] as { source: string }).source = 'elsewhere'));
    let error: unknown;
    try {
      restamp(unknown.factBase, unknown.articleFiles, ['rounds', 'venue']);
    } catch (err) {
      error = err;
    }
    expect((error as KnowledgeError).problems).toEqual(['fact "rounds": field "source" names unknown document "elsewhere"']);
  });

  it('GIVEN a re-stamp THEN "stamp" sits right after "sentences" and every other field keeps its place and value', () => {
    const files = withEdit((b) => delete (b.facts[3] as { stamp?: string }).stamp);
    const { factBase } = restamp(files.factBase, files.articleFiles, ['rounds']);
    const fact = (factBase as Mutable).facts[3] as Record<string, unknown>;
    expect(Object.keys(fact)).toEqual(['id', 'source', 'topic', 'answer', 'sentences', 'stamp', 'keywords', 'questions']);
    expect(fact).toEqual((bundled.factBase as Mutable).facts[3]);
    expect(Object.getPrototypeOf(fact)).toBe(Object.prototype);
  });

  it('GIVEN the bundled fact base THEN re-stamping everything changes nothing', () => {
    const { factBase, stamped } = restamp(bundled.factBase, bundled.articleFiles, 'all');
    expect(stamped).toEqual([]);
    expect(factBase).toEqual(bundled.factBase);
  });
});

describe('answers agree with their quotes', () => {
  const answerOf = (b: Mutable, id: string) => b.facts.find((f) => f.id === id) as { answer: string };

  it.each([
    ['idlib-population', 'At least three million people live in Idlib.', 'number "three"'],
    ['idlib-safe-zone', 'On September 16 the guarantor states finally agreed on the creation of a safe zone in Idlib.', 'number "16"'],
    ['next-round', 'The participants agreed to a fresh round of talks in Astana in November.', 'month "November"'],
    ['final-zone-announcement', 'Turkish and Russian diplomatic officials said so on Thursday.', 'day "Thursday"'],
    ['guarantors', 'Iran, Turkey and China: they are the countries holding the Astana talks.', 'name "China"'],
    ['guarantors', 'Egypt, Turkey and the Russian Federation: they are the countries holding the Astana talks.', 'name "Egypt"'],
  ])('GIVEN fact %s answering %j THEN the %s is named as not in its quote', (id, answer, term) => {
    const found = problemsOf(withEdit((b) => (answerOf(b, id).answer = answer)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^fact "${id}": field "answer": ${term} does not occur in its cited sentence`));
  });

  it('GIVEN the document alias "Syria" for "Syrian" removed THEN the answer naming Syria is refused', () => {
    const found = problemsOf(withEdit((b) => delete (b.documents[0] as { aliases?: unknown }).aliases));
    expect(found).toEqual(['fact "hama-location": field "answer": name "Syria" does not occur in its cited sentence 7 (nor through an alias of its document)']);
  });

  it('GIVEN aliases named like Object.prototype keys THEN "constructor" is an ordinary alias and "__proto__" changes nothing', () => {
    const ok = problemsOf(withEdit((b) => Object.assign(b.documents[0] as object, { aliases: JSON.parse('{"Syria": ["Syrian"], "constructor": ["x"]}') })));
    expect(ok).toEqual([]);
    const files = withEdit((b) => Object.assign(b.documents[0] as object, { aliases: JSON.parse('{"__proto__": ["Syrian"]}') }));
    expect(problemsOf(files)).toEqual(['fact "hama-location": field "answer": name "Syria" does not occur in its cited sentence 7 (nor through an alias of its document)']);
  });

  it('GIVEN an alias that is not one word THEN the schema refuses it', () => {
    const found = problemsOf(withEdit((b) => ((b.documents[0] as { aliases: Record<string, string[]> }).aliases = { 'Russian Federation': ['Russia'] })));
    expect(found.some((p) => p.startsWith('facts.json: field "documents.0.aliases.Russian Federation"'))).toBe(true);
  });
});

describe('a second document', () => {
  const FIXTURE = new URL('../fixtures/second-document/', import.meta.url);
  const extra = JSON.parse(readFileSync(new URL('facts.json', FIXTURE), 'utf8')) as Mutable;
  const harbour = readFileSync(new URL('harbour-2021.txt', FIXTURE), 'utf8');
  const twoDocuments = (edit: (b: Mutable) => void = () => undefined, text = harbour): KnowledgeFiles => {
    const factBase = structuredClone(bundled.factBase) as Mutable;
    const more = structuredClone(extra);
    factBase.documents.push(...more.documents);
    factBase.topics.push(...more.topics);
    factBase.facts.push(...more.facts);
    edit(factBase);
    return { factBase, lexicon: bundled.lexicon, articleFiles: new Map([...bundled.articleFiles, ['harbour-2021.txt', text]]) };
  };

  it('GIVEN the test document merged in THEN it passes every check, covered sentence by sentence', () => {
    expect(problemsOf(twoDocuments())).toEqual([]);
    const k = loadTwoDocumentKnowledge();
    expect([...k.documents.keys()]).toEqual(['astana-2017', 'harbour-2021']);
    expect(k.article.id).toBe('astana-2017');
  });

  it('GIVEN a number changed in the second document THEN only its fact is named, under its own document', () => {
    const found = problemsOf(twoDocuments(undefined, harbour.replace('420,000', '430,000')));
    expect(namedFacts(found)).toEqual(['museum-cost']);
    expect(found).toContain('fact "museum-cost": sentence 3 of "harbour-2021" changed since the fact was stamped: review its answer and citations, then run npm run knowledge:check -- --accept museum-cost');
    expect(found).toContain('fact "museum-cost": field "answer": number "420,000" does not occur in its cited sentence 3 (nor through an alias of its document)');
  });

  it('GIVEN sentence 3 of the second document uncited THEN coverage names that document, not the first', () => {
    const found = problemsOf(twoDocuments((b) => (b.facts = b.facts.filter((f) => f.id !== 'museum-cost'))));
    expect(found).toEqual(['document "harbour-2021": sentence 3 is not covered by any fact']);
  });

  it('GIVEN a document without any fact THEN each of its sentences is named as uncovered, and its empty topic', () => {
    const found = problemsOf(twoDocuments((b) => (b.facts = b.facts.filter((f) => f.source !== 'harbour-2021'))));
    expect(found).toEqual(['topic "harbour-museum": no fact belongs to it', ...[1, 2, 3, 4, 5, 6, 7].map((n) => `document "harbour-2021": sentence ${n} is not covered by any fact`)]);
  });

  it('GIVEN the Syria alias declared on the second document instead THEN it does not back the first document\'s answers', () => {
    const found = problemsOf(
      twoDocuments((b) => {
        const [first, second] = b.documents as Array<{ aliases?: Record<string, string[]> }>;
        (second as { aliases?: unknown }).aliases = first?.aliases;
        delete first?.aliases;
      }),
    );
    expect(found).toEqual(['fact "hama-location": field "answer": name "Syria" does not occur in its cited sentence 7 (nor through an alias of its document)']);
  });

  it('GIVEN a fact of the second document citing a sentence of the first THEN its stamp does not match', () => {
    const found = problemsOf(twoDocuments((b) => Object.assign(b.facts.find((f) => f.id === 'museum-lens') as object, { source: 'astana-2017' })));
    expect(namedFacts(found)).toEqual(['museum-lens']);
  });
});
