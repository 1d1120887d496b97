import { describe, expect, it } from 'vitest';
import { askedToIdentify, unnamedIn } from '../../src/knowledge/identify.js';
import type { FactEngine } from '../../src/knowledge/engine.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

describe('askedToIdentify', () => {
  it.each([
    ['Which observer group reported the Hama clashes?', ['observ', 'group', 'report']],
    ['which turkish official was it that announced the deal?', ['turkish', 'offici']],
    ["Whose envoy is de Mistura?", ['envoy']],
  ])('GIVEN "%s" THEN it asks to identify %j', (q, stems) => {
    expect(askedToIdentify(q)).toEqual(stems);
  });

  it.each(['What is the population of Idlib?', 'Who proposed the zones?', 'How many rounds were held?', ''])('GIVEN "%s", which names nothing to identify, THEN the list is empty', (q) => {
    expect(askedToIdentify(q)).toEqual([]);
  });
});

describe('unnamedIn', () => {
  it('GIVEN "an observer group" THEN the group is mentioned without a name', () => {
    expect([...unnamedIn('An observer group says intense clashes are ongoing in Hama.')]).toEqual(expect.arrayContaining(['observ', 'group']));
  });

  it('GIVEN an indefinite phrase that runs into a name THEN only the words before the name are unnamed', () => {
    const unnamed = unnamedIn('including some nationalist Free Syrian Army factions that have taken part');
    expect([...unnamed]).toEqual(['nationalist']);
  });

  it('GIVEN definite mentions only THEN nothing is unnamed', () => {
    expect(unnamedIn('The guarantor countries set up the coordination center.').size).toBe(0);
  });
});

describe('identification questions against the article', () => {
  const { engine } = loadKnowledge();

  it('GIVEN a question asking to name the group the article leaves unnamed THEN it is not answered', () => {
    expect(engine.answer('Which observer group reported the Hama clashes? what is it called?').answered).toBe(false);
  });

  it('GIVEN the same fact asked about without identifying anything THEN the identification mark stays off and the fact comes first', () => {
    const q = 'What does the observer group say about Hama?';
    const [first] = (engine as FactEngine).evaluate(q);
    expect(first?.features?.unnamed).toBe(0);
    const answer = engine.answer(q);
    expect(answer.answered ? answer.factId : answer.suggestions[0]?.id).toBe('hama-clashes');
  });
});
