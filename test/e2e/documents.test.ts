// Two documents in the fact base (issue 10): the Syria article plus the test-only harbour museum
// article. Answers, attribution, Context and /source keep each document's sentences apart, and the
// Syria answers are exactly what they are with the Syria article alone.

import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../src/bot/views/answer.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { loadTwoDocumentKnowledge } from '../helpers/knowledge.js';
import type { MessageJson } from './emulator/index.js';
import { ask, customIdsOf, interact, quotesOf, unescapeDiscord, useBotSuite } from './helpers/harness.js';

const two = loadTwoDocumentKnowledge();
const syriaOnly = loadKnowledge();
const harbour = two.documents.get('harbour-2021');
if (!harbour) throw new Error('the fixture document harbour-2021 is missing');
const harbourSentence = (n: number) => harbour.sentences.find((s) => s.n === n)?.text ?? '';

function only(messages: MessageJson[]): MessageJson {
  expect(messages).toHaveLength(1);
  return messages[0] as MessageJson;
}

describe('two documents', () => {
  const s = useBotSuite({ bot: { knowledge: two } });

  it('GIVEN a question the second document answers THEN the answer quotes and attributes that document', async () => {
    const message = only((await ask(s.emu, "What is the museum's first exhibit?")).messages);
    expect(quotesOf(message.content)).toEqual([{ sentence: 4, text: harbourSentence(4) }]);
    const text = unescapeDiscord(message.content);
    expect(text).toContain(`-# Source: “${harbour.headline}”, by ${harbour.byline}`);
    expect(text).not.toContain(syriaOnly.article.headline);
    expect(customIdsOf(message)).toContain('v1:qa:ctx:harbour-2021:4');
  });

  it('GIVEN Context on that answer THEN it shows the second document’s sentences', async () => {
    const answer = only((await ask(s.emu, "What is the museum's first exhibit?")).messages);
    const r = await interact(s.emu, s.emu.button(answer, 'v1:qa:ctx:harbour-2021:4'));
    const text = unescapeDiscord(only(r.messages).content);
    for (const n of [2, 3, 4, 5, 6]) expect(text).toContain(`**${n}.** ${n === 4 ? '__' : ''}${harbourSentence(n)}`);
    expect(text).not.toContain(syriaOnly.article.sentences[1]?.text ?? 'Iran');
    expect(text).toContain(harbour.headline);
  });

  it('GIVEN /source document: THEN autocomplete offers both documents and the second one is paged', async () => {
    const choices = await interact(s.emu, s.emu.autocomplete('source', { document: 'harb' }, 'document'));
    expect(choices.choices).toEqual([{ name: `${harbour.headline} (2021)`, value: 'harbour-2021' }]);
    const all = await interact(s.emu, s.emu.autocomplete('source', { document: '' }, 'document'));
    expect(all.choices?.map((c) => c['value'])).toEqual(['astana-2017', 'harbour-2021']);

    const r = await interact(s.emu, s.emu.chatInput('source', { document: 'harbour-2021' }));
    const text = unescapeDiscord(only(r.messages).content);
    expect(text.startsWith(`**“${harbour.headline}”** — ${harbour.byline} · page 1/1`)).toBe(true);
    for (const sentence of harbour.sentences) expect(text).toContain(`**${sentence.n}.** ${sentence.text}`);
    const one = await interact(s.emu, s.emu.chatInput('source', { document: 'harbour-2021', sentence: 3 }));
    expect(unescapeDiscord(only(one.messages).content)).toContain(`**3.** __${harbourSentence(3)}__`);
  });

  it('GIVEN the Syria questions THEN the answers are exactly those of the Syria article alone', async () => {
    for (const q of ['Who are the guarantor countries?', 'How long will the de-escalation zones last?', 'Who wrote the article?']) {
      const message = only((await ask(s.emu, q, { private: true })).messages);
      expect(message.content).toBe(renderAnswer(syriaOnly.engine.answer(q), syriaOnly).content);
    }
  });
});
