import { describe, expect, it } from 'vitest';
import { classifierInput, classifierSchema, NONE_CLASS, packClassifier, QuestionClassifier } from '../../src/knowledge/classifier.js';
import type { ClassifierAnalysis, ClassifierModel } from '../../src/knowledge/classifier.js';
import type { FactDoc, Ranking } from '../../src/knowledge/fact-index.js';
import { buildKnowledge, loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';

/** Three classes: "pop" likes the term "headcount", "venue" likes "city", none likes "weather". */
const model: ClassifierModel = {
  classes: ['pop', 'venue', NONE_CLASS],
  bias: [0, 0, 0],
  terms: ['city', 'headcount', 'weather'],
  counts: [1, 1, 1],
  targets: [1, 0, 2],
  weights: [3, 3, 4],
  blend: 0.15,
};
/** Ties between these test facts fall in the order of their ids, as FactIndex orders them. */
const IDS = ['a', 'b', 'pop', 'venue'];
const doc = (id: string): FactDoc => ({ fact: { id } as FactDoc['fact'], index: 0, order: IDS.indexOf(id), terms: new Map(), questions: [], intents: new Set(), unnamed: new Set() });
const byId = (...docs: FactDoc[]) => (id: string) => docs.find((d) => d.fact.id === id);
const ranking = (...scored: Array<[FactDoc, number]>): Ranking => ({
  ranked: scored.map(([d, score]) => ({ doc: d, coverage: score, similarity: score, score })),
  stats: { analysis: { terms: [] } as never, termMass: new Map(), mass: 0, unknownNameMass: 0, unknownWordMass: 0 },
});

describe('QuestionClassifier', () => {
  const classifier = new QuestionClassifier(model);

  it('GIVEN any terms THEN the probabilities of the facts and of none sum to one', () => {
    for (const terms of [[], ['city'], ['headcount', 'weather'], ['never-seen']]) {
      const c = classifier.classify(terms);
      const total = (c.probability('pop') ?? 0) + (c.probability('venue') ?? 0) + c.none;
      expect(total).toBeCloseTo(1, 10);
    }
  });

  it('GIVEN a term the model links to a fact THEN that fact is the likeliest', () => {
    const c = classifier.classify(['headcount']);
    expect(c.probability('pop')).toBeGreaterThan(0.8);
    expect(classifier.classify(['weather']).none).toBeGreaterThan(0.8);
  });

  it('GIVEN any terms THEN its favourite is the largest probability of a fact, never of none', () => {
    for (const terms of [[], ['city'], ['headcount'], ['weather'], ['headcount', 'city']]) {
      const c = classifier.classify(terms);
      expect(c.favourite).toBe(Math.max(c.probability('pop') ?? 0, c.probability('venue') ?? 0));
    }
    // "weather" makes none the likeliest class by far; the favourite stays a fact's.
    const c = classifier.classify(['weather']);
    expect(c.favourite).toBeLessThan(c.none);
    expect(c.favourite).toBeGreaterThan(0);
  });

  it('GIVEN a fact it was never fitted on THEN it has no probability rather than zero', () => {
    expect(classifier.classify(['city']).probability('author')).toBeUndefined();
  });

  it('GIVEN the index prefers one fact and the classifier another THEN a clear classifier verdict reorders them', () => {
    const pop = doc('pop');
    const venue = doc('venue');
    const reranked = classifier.rerank(ranking([venue, 0.5], [pop, 0.45]), classifier.classify(['headcount']), byId(pop, venue));
    expect(reranked.ranked.map((s) => s.doc.fact.id)).toEqual(['pop', 'venue']);
  });

  it('GIVEN facts the classifier does not know THEN their order is the index order', () => {
    const a = doc('a');
    const b = doc('b');
    const reranked = classifier.rerank(ranking([a, 0.6], [b, 0.3]), classifier.classify(['headcount']), byId(a, b));
    expect(reranked.ranked.map((s) => s.doc.fact.id)).toEqual(['a', 'b']);
  });

  it('GIVEN a fact the index missed but the classifier is sure of THEN it becomes a candidate', () => {
    const pop = doc('pop');
    const a = doc('a');
    const reranked = classifier.rerank(ranking([a, 0.2]), classifier.classify(['headcount', 'headcount']), byId(pop, a));
    expect(reranked.ranked.map((s) => s.doc.fact.id)).toContain('pop');
  });

  it('GIVEN an analysis THEN the input holds its terms, each pair of neighbours, and its intents, marked apart', () => {
    const analysis = { terms: ['popul', 'idlib'], intents: ['count' as const], names: new Set<string>(), foreign: new Set<string>() };
    expect(classifierInput(analysis, () => true)).toEqual(['popul', 'idlib', 'popul_idlib', '?count']);
  });

  it('GIVEN words the fact base lacks THEN the input marks how many, and whether one is a name', () => {
    const analysis = { terms: ['stadium', 'idlib', 'messi'], intents: [], names: new Set(['messi']), foreign: new Set<string>() };
    const input = classifierInput(analysis, (t) => t === 'idlib');
    expect(input).toEqual(expect.arrayContaining(['!unknown', '!unknown2', '!name']));
    expect(classifierInput({ ...analysis, terms: ['idlib'] }, (t) => t === 'idlib')).not.toContain('!unknown');
  });
});

describe('QuestionClassifier, edge cases', () => {
  /** "idlib" alone leans to venue; the pair "idlib popul" (in that order) to pop. */
  const paired = new QuestionClassifier({
    classes: ['pop', 'venue', NONE_CLASS],
    bias: [0, 0, 0],
    terms: ['!name', '!unknown', '!unknown2', '?count', 'idlib', 'idlib_popul'],
    counts: [1, 1, 1, 1, 1, 1],
    targets: [2, 2, 2, 0, 1, 0],
    weights: [5, 1, 1, 1, 1, 4],
    blend: 0.15,
  });
  const analysis = (terms: string[], extra: Partial<ClassifierAnalysis> = {}): ClassifierAnalysis => ({ terms, intents: [], names: new Set(), foreign: new Set(), ...extra });
  const known = (t: string) => t === 'idlib' || t === 'popul';
  const classifier = new QuestionClassifier(model);

  it('GIVEN an input repeated THEN it counts once, as in fitting', () => {
    expect(classifier.classify(['headcount', 'headcount']).probability('pop')).toBeCloseTo(classifier.classify(['headcount']).probability('pop') as number, 12);
    const once = paired.classifyAnalysis(analysis(['idlib', 'popul']), known);
    const twice = paired.classifyAnalysis(analysis(['idlib', 'popul', 'idlib', 'popul']), known);
    expect(twice.probability('pop')).toBeCloseTo(once.probability('pop') as number, 12);
  });

  it('GIVEN two neighbouring terms THEN their pair counts, in their order only', () => {
    expect(paired.classifyAnalysis(analysis(['idlib', 'popul']), known).probability('pop')).toBeGreaterThan(0.8);
    expect(paired.classifyAnalysis(analysis(['popul', 'idlib']), known).probability('venue')).toBeGreaterThan(0.4);
  });

  it('GIVEN one unknown plain word THEN only "!unknown" is read; a name adds "!name"; two add "!unknown2"', () => {
    expect(classifierInput(analysis(['stadium']), known)).toEqual(['stadium', '!unknown']);
    expect(classifierInput(analysis(['messi'], { names: new Set(['messi']) }), known)).toEqual(['messi', '!unknown', '!name']);
    expect(classifierInput(analysis(['putin'], { foreign: new Set(['putin']) }), known)).toContain('!name');
    expect(classifierInput(analysis(['idlib'], { names: new Set(['idlib']) }), known)).toEqual(['idlib']);
    const none = (a: ClassifierAnalysis) => paired.classifyAnalysis(a, known).none;
    expect(none(analysis(['messi'], { names: new Set(['messi']) }))).toBeGreaterThan(none(analysis(['stadium'])));
    expect(none(analysis(['stadium', 'tax']))).toBeGreaterThan(none(analysis(['stadium'])));
  });

  it('GIVEN the intents of a question THEN they are read too', () => {
    expect(paired.classifyAnalysis(analysis([], { intents: ['count'] }), known).probability('pop')).toBeGreaterThan(paired.classifyAnalysis(analysis([]), known).probability('pop') as number);
  });

  it('GIVEN the none class or an unknown id THEN no fact probability is given for it', () => {
    const c = classifier.classify(['weather']);
    expect(c.probability(NONE_CLASS)).toBeUndefined();
    expect(c.proposed).toEqual([]);
    expect(classifier.classify(['headcount']).proposed).toEqual(['pop']);
    expect(classifier.classify([]).proposed).toEqual(['pop', 'venue']);
  });

  it('GIVEN a model with no none class THEN "none" is 0 and every class is a fact', () => {
    const factsOnly = new QuestionClassifier({ classes: ['pop', 'venue'], bias: [0, 0], terms: ['headcount'], counts: [1], targets: [0], weights: [2], blend: 1 });
    const c = factsOnly.classify(['headcount']);
    expect(c.none).toBe(0);
    expect((c.probability('pop') as number) + (c.probability('venue') as number)).toBeCloseTo(1, 12);
    // Lift is log(p × 2): above chance moves a fact up by exactly that much.
    const [pop, venue] = [doc('pop'), doc('venue')];
    const reranked = factsOnly.rerank(ranking([venue, 1], [pop, 1]), c, byId(pop, venue));
    expect(reranked.ranked[0]?.score).toBeCloseTo(1 + Math.log((c.probability('pop') as number) * 2), 12);
  });

  it('GIVEN an empty ranking THEN reranking leaves it empty, proposing nothing', () => {
    const pop = doc('pop');
    expect(classifier.rerank(ranking(), classifier.classify(['headcount', 'headcount']), byId(pop)).ranked).toEqual([]);
  });

  it('GIVEN a ranking longer than ten facts THEN only the best ten and the proposals are kept', () => {
    const many = Array.from({ length: 14 }, (_, i) => doc(`f${i}`));
    const reranked = classifier.rerank(ranking(...many.map((d, i) => [d, 1 - i / 20] as [FactDoc, number])), classifier.classify(['city']), byId(...many));
    expect(reranked.ranked).toHaveLength(10);
  });
});

describe('classifierSchema', () => {
  it.each([
    ['targets as long as the weights', { ...model, targets: [1, 0] }],
    ['targets below the number of classes', { ...model, targets: [1, 0, 3] }],
    ['counts that are not negative', { ...model, counts: [-1, 2, 2] }],
    ['an array of counts', { ...model, counts: 'three' }],
    ['a bias per class', { ...model, bias: [0] }],
    ['a count per term', { ...model, counts: [1, 2] }],
    ['counts that add up to the weights', { ...model, counts: [1, 1, 2] }],
    ['targets that name a class', { ...model, targets: [1, 0, 9] }],
    ['finite weights', { ...model, weights: [3, Number.NaN, 4] }],
    ['whole-number counts', { ...model, counts: [1, 0.5, 1.5] }],
    ['string terms', { ...model, terms: ['city', 7, 'weather'] }],
  ])('GIVEN a model without %s THEN it is rejected', (_, bad) => {
    expect(classifierSchema.safeParse(bad).success).toBe(false);
  });

  it('GIVEN a model packed as classifier.json holds it THEN the schema reads back the very same model', () => {
    const fitted = { ...model, weights: [3.1416, -0.0001, 12.5] };
    const packed = packClassifier(fitted);
    expect(typeof packed.weights).toBe('string');
    expect(classifierSchema.parse(JSON.parse(JSON.stringify(packed)))).toEqual(fitted);
  });

  it('GIVEN a weight with more decimals than the packing keeps THEN packing refuses it rather than round it', () => {
    expect(() => packClassifier({ ...model, weights: [3, 0.12345, 4] })).toThrow(RangeError);
  });

  it('GIVEN a packed model whose targets name no class THEN it is rejected as the array form is', () => {
    expect(classifierSchema.safeParse(packClassifier({ ...model, targets: [1, 0, 9] })).success).toBe(false);
  });

  it('GIVEN a malformed classifier.json THEN the knowledge does not build, naming the file', () => {
    expect(() => buildKnowledge({ ...readKnowledgeFiles(), classifier: { classes: 'nope' } })).toThrow(/classifier\.json/);
  });
});

describe('the bundled classifier', () => {
  const knowledge = loadKnowledge();
  const files = readKnowledgeFiles();
  const bundled = classifierSchema.parse(files.classifier);

  it('GIVEN the fact base THEN every class is a current fact (refit after renaming one: npm run fit:decider)', () => {
    const ids = new Set([...knowledge.facts.map((f) => f.id), NONE_CLASS]);
    expect(bundled.classes.filter((c) => !ids.has(c))).toEqual([]);
  });

  it('GIVEN any question THEN the fast path reads exactly what fitting reads', () => {
    const classifier = new QuestionClassifier(bundled);
    const engine = knowledge.engine as unknown as {
      evaluate(m: string): Array<{ ranking: { stats: { analysis: ClassifierAnalysis } } }>;
      index: { isKnown(t: string): boolean };
    };
    const isKnown = (t: string) => engine.index.isKnown(t);
    const questions = [...knowledge.facts.flatMap((f) => f.questions), 'how big is idlib idlib football stadium', 'wat did putin say bout the zones zones lol', 'who who who'];
    for (const q of questions) {
      for (const { ranking } of engine.evaluate(q)) {
        const { analysis } = ranking.stats;
        const slow = classifier.classify(classifierInput(analysis, isKnown));
        const fast = classifier.classifyAnalysis(analysis, isKnown);
        expect(fast.none, q).toBeCloseTo(slow.none, 12);
        for (const f of knowledge.facts) expect(fast.probability(f.id), q).toBeCloseTo(slow.probability(f.id) as number, 12);
      }
    }
  });

  it('GIVEN no classifier THEN the engine still answers from the index alone', () => {
    const plain = buildKnowledge({ ...files, classifier: undefined });
    expect(plain.engine.answer('How many people live in Idlib?').factId).toBe('idlib-population');
  });
});
