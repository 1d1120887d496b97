// Hostile and unusual input: very long, right-to-left, zalgo, emoji, Markdown and mention soup.
// Each must be answered or declined cleanly — never the error apology, never an error log (the
// suite's after-each checks), always within Discord's limits (the spec check), with no bidi
// override or zalgo tower leaking into what the bot echoes.

import { describe, expect, it } from 'vitest';
import { QUESTION_MAX_LENGTH } from '../../src/commands/ask.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { MessageJson } from './emulator/index.js';
import { APOLOGY, ask, newUser, quotesOf, sendAndWaitReply, unescapeDiscord, useBotSuite } from './helpers/harness.js';

const knowledge = loadKnowledge();
const sentence = (n: number): string => knowledge.article.sentences.find((x) => x.n === n)?.text ?? '';
const GUARANTORS = knowledge.fact('guarantors')?.answer ?? '';
const zalgo = (text: string): string => [...text].map((c) => `${c}\u0336\u0322\u031b\u0316\u0317\u0318\u0319`).join('');

const CASES: { name: string; text: string; answers?: boolean }[] = [
  {
    name: '6,000 characters: a question drowned in filler',
    text: `Who are the guarantor countries? ${'and also some more words '.repeat(240)}`.slice(0, 6000),
  },
  { name: '6,000 characters of mention and Markdown soup', text: '@everyone **__~~`>||<@&1>'.repeat(240).slice(0, 6000) },
  { name: '6,000 characters of emoji (surrogate pairs and ZWJ sequences)', text: '👨‍👩‍👧‍👦🇷🇺🕊️'.repeat(400).slice(0, 6000) },
  { name: 'right-to-left Arabic', text: 'من هي الدول الضامنة لمحادثات أستانا؟' },
  { name: 'right-to-left override wrapping an English question', text: '\u202eWho are the guarantor countries?\u202c', answers: true },
  { name: 'Hebrew with an embedded English name', text: 'מי הן המדינות הערבות בשיחות Astana?' },
  { name: 'zalgo', text: zalgo('Who are the guarantors?'), answers: true },
  { name: 'emoji around a real question', text: '🇷🇺🇹🇷🇮🇷 who are the guarantor countries? 🤔🕊️👨‍👩‍👧‍👦', answers: true },
  { name: 'control characters and newlines', text: 'Who\u0000 are\u0007 the\r\n guarantor\t countries?', answers: true },
  { name: 'a terminal escape sequence', text: 'Who are the guarantor countries?\u001b[31m\u001b]0;pwned\u0007' },
];

/** The echo and the rest of what the bot wrote must not carry bidi overrides or zalgo towers. */
function expectClean(content: string): void {
  expect(content).not.toBe(APOLOGY);
  expect(content.length).toBeLessThanOrEqual(2000);
  expect(content).not.toMatch(/[\u202a-\u202e\u2066\u2067]/);
  expect(content).not.toMatch(/\p{M}{4,}/u);
  // eslint-disable-next-line no-control-regex
  expect(content).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  const answered = content.startsWith(GUARANTORS) || unescapeDiscord(content.split('\n')[0] ?? '') === GUARANTORS;
  const declined = /^The article doesn't say\./.test(content);
  // Nothing but mentions, markdown or emoji asks nothing: the friendly "what I can do" reply.
  const chatter = /^Hi! I answer questions about/.test(content);
  const otherAnswer = quotesOf(content).length > 0;
  expect(answered || declined || chatter || otherAnswer, `answered, declined or chatter: ${content.slice(0, 120)}`).toBe(true);
  for (const q of quotesOf(content)) expect(q.text).toBe(sentence(q.sentence));
}

describe('hostile input', () => {
  const s = useBotSuite();

  describe('as an @mention (message content is not length-capped by a command definition)', () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const started = performance.now();
        const { content } = await sendAndWaitReply(s.emu, { content: c.text, mentionBot: true, author: newUser(s.emu, 'hostile') });
        const elapsed = performance.now() - started;
        expectClean(content);
        if (c.answers) expect(unescapeDiscord(content.split('\n')[0] ?? '')).toBe(GUARANTORS);
        expect(elapsed, 'answered promptly').toBeLessThan(1000);
      });
    }
  });

  describe(`as /ask (the option is capped at ${QUESTION_MAX_LENGTH} characters by the command definition)`, () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const question = [...c.text].slice(0, QUESTION_MAX_LENGTH).join('').slice(0, QUESTION_MAX_LENGTH);
        const r = await ask(s.emu, question);
        expect(r.callbackType).toBe(4);
        expect(r.messages).toHaveLength(1);
        const message = r.messages[0] as MessageJson;
        if (/^\s*$/.test(question.replace(/\p{Cc}/gu, ''))) {
          expect(message.content).toMatch(/Please type a question/);
          return;
        }
        expectClean(message.content);
        if (c.answers) {
          // A public answer repeats the question first; the answer follows.
          expect(message.content.startsWith('**Q:** ')).toBe(true);
          expect(unescapeDiscord(message.content.split('\n')[1] ?? '')).toBe(GUARANTORS);
        }
      });
    }
  });
});
