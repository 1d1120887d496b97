import { describe, expect, it } from 'vitest';
import { toJson, toText } from '../../src/cli/ask-output.js';
import { buildKnowledge, loadKnowledge, readKnowledgeFiles } from '../../src/knowledge/index.js';

const knowledge = loadKnowledge();
const { engine } = knowledge;

describe('ask output', () => {
  it('GIVEN two questions and chatter in one message THEN the text shows both answers with their quotes and names what went unanswered', () => {
    const text = toText(knowledge, engine.answer('who are the guarantors? and how many people live in idlib? also wen is lunch lol'));
    expect(text).toContain('Iran, Turkey and the Russian Federation');
    expect(text).toContain('Also asked: "how many people live in idlib?"');
    expect(text).toContain('(sentence 6)');
    expect(text).toContain('Not in the article: "wen is lunch lol"');
  });

  it('GIVEN the same message THEN the JSON keeps the first answer on top and the second in "more"', () => {
    const json = toJson('q', engine.answer('who are the guarantors? and how many people live in idlib?'));
    expect(json.quotes[0]?.sentence).toBe(2);
    expect(json.more).toEqual([expect.objectContaining({ question: 'how many people live in idlib?', quotes: [expect.objectContaining({ sentence: 6 })] })]);
    expect(json.suggestions).toEqual([]);
  });

  it('GIVEN thanks THEN the text says what the bot does, not that the article is silent', () => {
    const text = toText(knowledge, engine.answer('thanks!'));
    expect(text).not.toContain("doesn't say");
    expect(text).toContain(knowledge.article.headline);
  });

  it('GIVEN a decider that trusts nothing THEN the JSON offers the nearest facts first, each with its quotes', () => {
    const files = readKnowledgeFiles();
    const decider = files.decider as { classified: object };
    const trustsNothing = { answerAt: 1, offerAt: 0 };
    const doubtful = buildKnowledge({ ...files, decider: { ...decider, ...trustsNothing, classified: { ...decider.classified, ...trustsNothing } } });
    const json = toJson('q', doubtful.engine.answer('roughly how many folks live in idlib?'));
    expect(json.answered).toBe(false);
    expect(json.suggestions[0]?.id).toBe('idlib-population');
    expect(json.suggestions.length).toBeLessThanOrEqual(3);
    for (const s of json.suggestions) expect(s.quotes.length).toBeGreaterThan(0);
  });
});
