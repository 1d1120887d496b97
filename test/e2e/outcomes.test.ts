// Issue 9's outcomes as the Discord user sees them. The real engine doesn't produce all of them
// yet, so an injected engine returns hand-made answers for marker questions and delegates the rest
// to the real one (as faults.test.ts does).

import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { withEngine } from '../helpers/knowledge.js';
import type { Answer, AnswerEngine, Knowledge, Suggestion } from '../../src/knowledge/index.js';
import type { MessageJson } from './emulator/index.js';
import { ask, customIdsOf, interact, newUser, quotesOf, sendAndWaitReply, unescapeDiscord, useBotSuite } from './helpers/harness.js';

const real = loadKnowledge();
const fact = (id: string) => {
  const a = real.engine.answerFact(id);
  if (!a) throw new Error(`no fact ${id}`);
  return a;
};
const suggestion = (id: string): Suggestion => {
  const a = fact(id);
  return { id, document: a.document ?? real.article.id, answer: a.answer ?? '', question: real.fact(id)?.questions[0] ?? '', quotes: a.quotes };
};

const MULTI = 'who are the guarantors? and how many rounds? also wen is lunch lol';
const UNSURE = 'how long do the safe areas stay around?';
const VERDICT = 'Will the zones last a whole year?';

function fakeAnswers(question: string): Answer | null {
  if (question === MULTI) return { ...fact('guarantors'), question: 'who are the guarantors?', more: [{ ...fact('rounds'), question: 'how many rounds?' }], unanswered: ['wen is lunch'] };
  if (question === UNSURE) {
    return { ...fact('guarantors'), outcome: 'unsure', answered: false, answer: null, factId: null, document: null, quotes: [], related: [], question, suggestions: [suggestion('zones-duration'), suggestion('guarantors')] };
  }
  if (question === VERDICT) return { ...fact('zones-duration'), question, verdict: 'no' };
  if (/^(hi|thanks!?)$/i.test(question.trim())) return { ...fact('guarantors'), outcome: 'chatter', answered: false, answer: null, factId: null, quotes: [], related: [], question };
  return null;
}

function withOutcomes(): Knowledge {
  const engine: AnswerEngine = {
    answer: (question) => fakeAnswers(question) ?? real.engine.answer(question),
    answerFact: (id) => real.engine.answerFact(id),
    suggest: (partial, limit) => real.engine.suggest(partial, limit),
  };
  return withEngine(real, engine);
}

function only(messages: MessageJson[]): MessageJson {
  expect(messages).toHaveLength(1);
  return messages[0] as MessageJson;
}

describe('answer outcomes (issue 9)', () => {
  const s = useBotSuite({ bot: { knowledge: withOutcomes() } });

  it('GIVEN a message with two answerable questions and chatter THEN both are answered with their quotes and the unanswered part is named', async () => {
    const { content } = await sendAndWaitReply(s.emu, { content: MULTI, mentionBot: true, author: newUser(s.emu, 'multi') });
    const text = unescapeDiscord(content);
    expect(text).toContain(real.fact('guarantors')?.answer ?? '?');
    expect(text).toContain(real.fact('rounds')?.answer ?? '?');
    expect(quotesOf(content).map((q) => q.sentence)).toEqual(expect.arrayContaining(fact('rounds').quotes.map((q) => q.sentence)));
    expect(text).toContain('how many rounds?');
    expect(text).toMatch(/The article doesn't say anything about “wen is lunch”/);
  });

  it('GIVEN an unsure question THEN did-you-mean buttons, nearest first, and a click answers that fact', async () => {
    const r = await ask(s.emu, UNSURE);
    const message = only(r.messages);
    expect(message.content).toContain('Did you mean one of these?');
    expect(customIdsOf(message)).toEqual(['v1:qa:fact:zones-duration', 'v1:qa:fact:guarantors']);
    const click = await interact(s.emu, s.emu.button(message, 'v1:qa:fact:zones-duration'));
    expect(click.ephemeral).toBe(true);
    expect(unescapeDiscord(only(click.messages).content)).toContain(real.fact('zones-duration')?.answer ?? '?');
  });

  it('GIVEN a yes/no question the fact settles THEN the answer starts with "No — "', async () => {
    const r = await ask(s.emu, VERDICT, { private: true });
    expect(unescapeDiscord(only(r.messages).content).split('\n')[0]).toBe(`No — ${real.fact('zones-duration')?.answer}`);
  });

  it('GIVEN "hi" and "thanks!" THEN a short friendly reply saying what the bot does, not a decline, and nothing logged as unanswered', async () => {
    const slash = only((await ask(s.emu, 'hi')).messages);
    expect(slash.content).toMatch(/^Hi! I answer questions about the article/);
    expect(slash.content).not.toContain("doesn't say");
    const { content } = await sendAndWaitReply(s.emu, { content: 'thanks!', mentionBot: true, author: newUser(s.emu, 'polite') });
    expect(content).toMatch(/^Hi! I answer questions about the article/);
    expect(s.logs.find((l) => l['event'] === 'abstained', s.logSince)).toEqual([]);
  });
});
