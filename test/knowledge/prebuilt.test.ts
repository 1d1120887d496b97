import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeError, PREBUILT_FORMAT, buildKnowledge, inputsDigest, modelsDigest, prebuildIndex, prebuiltStatus, readKnowledgeFiles } from '../../src/knowledge/index.js';
import { checkedClassifier, classifierSchema } from '../../src/knowledge/classifier.js';
import type { KnowledgeFiles, PrebuiltFile } from '../../src/knowledge/index.js';

const bundled = readKnowledgeFiles();
const saved = bundled.prebuilt as PrebuiltFile;
const fromTexts = { ...bundled, prebuilt: undefined };

/** Questions worth comparing engines on: the dev set, the paraphrase set and three blind sets. */
const questions = ['questions.dev.jsonl', 'questions.paraphrase.jsonl', 'questions.blind.jsonl', 'questions.blind50.jsonl', 'questions.blind100.jsonl'].flatMap((name) =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { q: string }).q),
);

/** The bundled files with one fact's answer reworded (a curator's edit). */
function withEditedAnswer(files: KnowledgeFiles, id: string, answer: string): KnowledgeFiles {
  const factBase = structuredClone(files.factBase) as { facts: Array<{ id: string; answer: string }> };
  const fact = factBase.facts.find((f) => f.id === id);
  if (!fact) throw new Error(`no fact ${id}`);
  fact.answer = answer;
  return { ...files, factBase };
}

describe('prebuilt.json (the index analysis npm run build:index saves)', () => {
  it('GIVEN the bundled files THEN prebuilt.json was built from exactly them (else: npm run build:index)', () => {
    expect(saved.format).toBe(PREBUILT_FORMAT);
    expect(saved.inputs).toBe(inputsDigest(bundled));
    expect(prebuiltStatus(bundled.prebuilt, bundled)).toBe('current');
  });

  it('GIVEN the bundled files THEN the saved analysis is exactly what reading the texts now gives (else: npm run build:index)', () => {
    expect(prebuildIndex(bundled)).toEqual(saved);
  });

  it('GIVEN an engine built from prebuilt.json and one built from the texts THEN they give the same answers and suggestions', () => {
    const prebuilt = buildKnowledge(bundled).engine;
    const read = buildKnowledge(fromTexts).engine;
    expect(questions.length).toBeGreaterThan(500);
    for (const q of questions) expect(prebuilt.answer(q)).toEqual(read.answer(q));
    for (const q of questions.slice(0, 100)) expect(prebuilt.suggest(q.slice(0, 6), 10)).toEqual(read.suggest(q.slice(0, 6), 10));
  });

  it('GIVEN the bundled files, or none of prebuilt.json THEN the knowledge says whether the index came from it', () => {
    expect(buildKnowledge(bundled).prebuilt).toBe('current');
    expect(buildKnowledge(fromTexts).prebuilt).toBe('missing');
  });

  it('GIVEN a fact edited after prebuilt.json was saved THEN it is stale, ignored, and the edit is answered', () => {
    const edited = withEditedAnswer(bundled, 'rounds', 'They have held five rounds so far, says the article.');
    expect(prebuiltStatus(edited.prebuilt, edited)).toBe('stale');
    expect(buildKnowledge(edited).prebuilt).toBe('stale');
    const answer = buildKnowledge(edited).engine.answer('How many rounds of talks have there been?');
    expect(answer.answer).toBe('They have held five rounds so far, says the article.');
  });

  it('GIVEN an edit that breaks a fact THEN the fact base is checked in full and rejected, prebuilt.json or not', () => {
    const factBase = structuredClone(bundled.factBase) as { facts: Array<{ id: string; sentences: number[] }> };
    (factBase.facts[0] as { sentences: number[] }).sentences = [99];
    expect(() => buildKnowledge({ ...bundled, factBase })).toThrow(KnowledgeError);
  });

  it('GIVEN the bundled fact base and lexicon THEN prebuilt.json records that they are, as written, what their schemas make of them', () => {
    expect(saved.asWritten).toEqual({ factBase: true, lexicon: true });
  });

  it('GIVEN a fact base whose schema changes it (a question with spaces to trim) THEN it is not recorded as written, and a start-up with it still runs the schema', () => {
    const factBase = structuredClone(bundled.factBase) as { facts: Array<{ id: string; questions: string[] }> };
    const fact = factBase.facts.find((f) => f.id === 'rounds') as { questions: string[] };
    fact.questions = [`  ${fact.questions[0] as string}  `, ...fact.questions.slice(1)];
    const untrimmed = { ...fromTexts, factBase };
    const file = prebuildIndex(untrimmed);
    expect(file.asWritten).toEqual({ factBase: false, lexicon: true });
    const knowledge = buildKnowledge({ ...untrimmed, prebuilt: file });
    expect(knowledge.prebuilt).toBe('current');
    // What the engine holds is the schema's output, trimmed, though the index came from the file.
    expect(knowledge.fact('rounds')?.questions[0]).toBe(fact.questions[0]?.trim());
  });

  it('GIVEN a file recorded as written THEN start-up reads it as written: the same facts and answers as after the schema', () => {
    const trusted = buildKnowledge(bundled);
    const checked = buildKnowledge({ ...bundled, prebuilt: { ...saved, asWritten: { factBase: false, lexicon: false } } });
    expect(trusted.facts).toEqual(checked.facts);
    for (const q of questions.slice(0, 60)) expect(trusted.engine.answer(q)).toEqual(checked.engine.answer(q));
  });

  it('GIVEN the article, the lexicon or WordNet changed THEN the digest changes, and it is stable otherwise', () => {
    const digest = inputsDigest(bundled);
    expect(inputsDigest({ ...bundled })).toBe(digest);
    const article = new Map([...bundled.articleFiles].map(([name, text]) => [name, text.replace('five rounds', 'six rounds')]));
    const lexicon = { ...(bundled.lexicon as object), stopwords: [...(bundled.lexicon as { stopwords: string[] }).stopwords, 'zzz'] };
    const wordnet = { ...(bundled.wordnet as { english: string }), english: `${(bundled.wordnet as { english: string }).english} zzzz` };
    const renamed = new Map([...bundled.articleFiles].map(([name, text]) => [`x${name}`, text]));
    const changed = [{ articleFiles: article }, { lexicon }, { wordnet }, { articleFiles: renamed }, { wordnet: undefined }].map((c) => inputsDigest({ ...bundled, ...c }));
    expect(new Set([digest, ...changed]).size).toBe(changed.length + 1);
  });

  it('GIVEN the bundled models THEN prebuilt.json records their digest, so a start-up takes them as checked (else: npm run build:index)', () => {
    expect(saved.models).toBe(modelsDigest(bundled));
  });

  it('GIVEN the bundled classifier THEN reading it as checked gives exactly what its schema gives', () => {
    expect(checkedClassifier(bundled.classifier)).toEqual(classifierSchema.parse(bundled.classifier));
  });

  it('GIVEN models taken as checked, or run through their schemas THEN the engine gives the same answers', () => {
    const trusted = buildKnowledge(bundled).engine;
    const checked = buildKnowledge({ ...bundled, prebuilt: { ...saved, models: null } }).engine;
    for (const q of questions.slice(0, 100)) expect(trusted.answer(q)).toEqual(checked.answer(q));
  });

  it('GIVEN a decider or classifier changed after prebuilt.json was saved THEN the models digest changes and the analysis stays current', () => {
    const decider = { ...(bundled.decider as object), answerAt: 0.99 };
    const classifier = { ...(bundled.classifier as object), blend: 0.3 };
    const digests = [{ decider }, { classifier }, { decider: undefined }, { classifier: undefined }].map((c) => modelsDigest({ ...bundled, ...c }));
    expect(new Set([modelsDigest(bundled), ...digests]).size).toBe(digests.length + 1);
    expect(prebuiltStatus(saved, { ...bundled, decider })).toBe('current');
  });

  it('GIVEN a decider broken after prebuilt.json was saved THEN its schema runs and the start-up is refused', () => {
    const decider = { ...(bundled.decider as object), answerAt: 2 };
    expect(() => buildKnowledge({ ...bundled, decider })).toThrow(KnowledgeError);
    const classifier = { ...(bundled.classifier as object), weights: '???' };
    expect(() => buildKnowledge({ ...bundled, classifier })).toThrow(/classifier\.json/);
  });

  it('GIVEN a decider refitted after prebuilt.json was saved THEN the refit is what decides', () => {
    const decider = { ...(bundled.decider as { classified: object }), answerAt: 1, classified: { ...(bundled.decider as { classified: object }).classified, answerAt: 1 } };
    const answer = buildKnowledge({ ...bundled, decider }).engine.answer('How many rounds of talks have there been?');
    expect(buildKnowledge(bundled).engine.answer('How many rounds of talks have there been?').answered).toBe(true);
    expect(answer.answered).toBe(false);
  });

  it.each([
    ['another format', { ...saved, format: PREBUILT_FORMAT + 1 }, 'malformed'],
    ['no models digest (format 2)', { format: PREBUILT_FORMAT, inputs: saved.inputs, asWritten: saved.asWritten, analysis: saved.analysis }, 'malformed'],
    ['a models digest that is not hex', { ...saved, models: 'x'.repeat(64) }, 'malformed'],
    ['a digest that is not hex', { ...saved, inputs: 'x'.repeat(64) }, 'malformed'],
    ['no record of which inputs are as written (format 1)', { format: PREBUILT_FORMAT, inputs: saved.inputs, models: saved.models, analysis: saved.analysis }, 'malformed'],
    ['a term without a weight', { ...saved, analysis: { ...saved.analysis, facts: [{ ...saved.analysis.facts[0], terms: [['idlib']] }, ...saved.analysis.facts.slice(1)] } }, 'malformed'],
    ['an unknown intent', { ...saved, analysis: { ...saved.analysis, facts: [{ ...saved.analysis.facts[0], questions: [{ terms: ['x'], intents: ['how'] }] }, ...saved.analysis.facts.slice(1)] } }, 'malformed'],
    ['not an object', 'prebuilt', 'malformed'],
    ['text that is not JSON (as readKnowledgeFiles keeps it)', { unreadable: 'Unexpected end of JSON input' }, 'malformed'],
    ['nothing', undefined, 'missing'],
    ['another fact base', { ...saved, inputs: '0'.repeat(64) }, 'stale'],
  ])('GIVEN prebuilt.json with %s THEN it is %s, and the index is built from the texts with the same answers', (_what, prebuilt, status) => {
    expect(prebuiltStatus(prebuilt, bundled)).toBe(status);
    const engine = buildKnowledge({ ...bundled, prebuilt }).engine;
    const reference = buildKnowledge(fromTexts).engine;
    for (const q of questions.slice(0, 60)) expect(engine.answer(q)).toEqual(reference.answer(q));
  });
});
