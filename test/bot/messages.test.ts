import { DiscordAPIError, MessageType, RESTJSONErrorCodes, type Message } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.js';
import type { AnswerVia } from '../../src/bot/hooks.js';
import { classifyMessage, emptyQuestionHint, looksLikeQuestion, type MessageContext } from '../../src/bot/messages.js';
import { APOLOGY } from '../../src/bot/errors.js';
import { createMessageRouter } from '../../src/bot/router.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import { ANSWER_CHANNEL_ID, as, BOT_ID, fakeMessage, memoryLogger, OTHER_ID, type FakeMessageInit } from './fakes.js';
import { knowledge, makeKnowledge } from './fixtures.js';
import { limitProblems, unescapeMarkdown } from './limits.js';

const CHANNELS = new Set([ANSWER_CHANNEL_ID]);
const classify = (init: FakeMessageInit) => classifyMessage(as<Message>(fakeMessage(init)), CHANNELS);

function setup(options: { cooldownSeconds?: number; now?: () => number; k?: Knowledge } = {}) {
  const { logger, lines } = memoryLogger();
  const answered: AnswerVia[] = [];
  const context: MessageContext = {
    knowledge: options.k ?? knowledge,
    logger,
    hooks: { answered: (_a, _ms, via) => answered.push(via) },
    cooldown: new Cooldown(options.cooldownSeconds ?? 0, options.now),
    answerChannelIds: CHANNELS,
  };
  const route = createMessageRouter({ context });
  return {
    lines,
    answered,
    send: async (init: FakeMessageInit) => {
      const m = fakeMessage(init);
      await route(as<Message>(m));
      return m;
    },
  };
}

describe('looksLikeQuestion', () => {
  it.each([
    'Who are the guarantors?',
    'who are the guarantors',
    'What happened in Hama',
    'When is the next round',
    'How long do the zones last',
    'Is Iran a guarantor',
    'did the opposition get what it wanted',
    'the zones last six months?',
    '¿Dónde están las zonas?',
    'Will there be more talks?"',
  ])('GIVEN %j THEN it reads like a question', (t) => expect(looksLikeQuestion(t)).toBe(true));

  it.each(['good morning everyone', 'lol', 'thanks!', 'how', '???', '', 'I think the talks matter', 'whoever said that was right'])(
    'GIVEN %j THEN it does not',
    (t) => expect(looksLikeQuestion(t)).toBe(false),
  );
});

describe('classifyMessage', () => {
  it('GIVEN a mention THEN strips it and answers, in any channel', () => {
    expect(classify({ content: `<@${BOT_ID}> who are the guarantors` })).toEqual({ trigger: 'mention', question: 'who are the guarantors' });
    expect(classify({ content: `hey <@!${BOT_ID}>, zones?` })).toEqual({ trigger: 'mention', question: 'hey , zones?' });
  });

  it("GIVEN a mention of the bot's managed role THEN treats it like a mention", () => {
    expect(classify({ content: '<@&600000000000000006> who holds the talks?', botRoleId: '600000000000000006' })).toEqual({
      trigger: 'mention',
      question: 'who holds the talks?',
    });
  });

  it('GIVEN a DM THEN answers any text', () => {
    expect(classify({ guild: false, content: 'guarantors' })).toEqual({ trigger: 'dm', question: 'guarantors' });
  });

  it("GIVEN a reply to the bot's message THEN answers it (without any message cache)", () => {
    expect(classify({ content: 'and the zones?', reference: { messageId: '1' }, repliedUserId: BOT_ID })).toEqual({
      trigger: 'reply',
      question: 'and the zones?',
    });
    expect(classify({ content: 'and the zones?', reference: { messageId: '1' }, repliedUserId: OTHER_ID })).toBeNull();
  });

  it('GIVEN an answer channel THEN answers question-like messages only', () => {
    expect(classify({ channelId: ANSWER_CHANNEL_ID, content: 'How long will the zones last?' })).toEqual({
      trigger: 'channel',
      question: 'How long will the zones last?',
    });
    expect(classify({ channelId: ANSWER_CHANNEL_ID, content: 'nice weather today' })).toBeNull();
    expect(classify({ thread: { parentId: ANSWER_CHANNEL_ID }, channelId: '399999999999999999', content: 'Who holds the talks?' })).toMatchObject({ trigger: 'channel' });
  });

  it('GIVEN an answer channel message addressed to someone else THEN leaves it alone', () => {
    const base = { channelId: ANSWER_CHANNEL_ID, content: 'What do you think?' };
    expect(classify({ ...base, reference: { messageId: '1' }, repliedUserId: OTHER_ID })).toBeNull();
    expect(classify({ ...base, mentionedUserIds: [OTHER_ID] })).toBeNull();
    expect(classify({ ...base, everyone: true })).toBeNull();
  });

  it('GIVEN a question elsewhere without a mention THEN leaves it alone', () => {
    expect(classify({ content: 'Who are the guarantors?' })).toBeNull();
  });

  it.each<[string, FakeMessageInit]>([
    ['a bot', { bot: true }],
    ['a webhook', { webhookId: '700000000000000007' }],
    ['a system message', { system: true }],
    ['a pin notice', { type: MessageType.ChannelPinnedMessage }],
    ['itself', { authorId: BOT_ID }],
  ])('GIVEN %s mentioning the bot THEN never answers', (_name, init) => {
    expect(classify({ content: `<@${BOT_ID}> who?`, guild: true, ...init })).toBeNull();
    expect(classify({ content: 'who?', guild: false, ...init })).toBeNull();
  });
});

describe('message handling', () => {
  it('GIVEN a mention THEN replies with the answer, pinging nobody', async () => {
    const { send, answered } = setup();
    const m = await send({ content: `<@${BOT_ID}> who are the guarantor countries?` });
    expect(m.calls).toHaveLength(1);
    const payload = m.calls[0]!.payload;
    expect(payload.content).toContain('Iran, Turkey and the Russian Federation.');
    expect(payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(limitProblems(payload)).toEqual([]);
    expect(answered).toEqual(['message']);
  });

  it('GIVEN a bare mention THEN replies with a hint', async () => {
    const { send } = setup();
    const m = await send({ content: `<@${BOT_ID}>` });
    expect(m.calls[0]!.payload.content).toBe(emptyQuestionHint(knowledge));
    expect(m.calls[0]!.payload.content).toContain(`“${knowledge.facts[0]!.questions[0]}”`);
  });

  it('GIVEN a reply to the bot with no visible text THEN stays silent', async () => {
    const { send } = setup();
    const m = await send({ content: '', reference: { messageId: '1' }, repliedUserId: BOT_ID });
    expect(m.calls).toHaveLength(0);
  });

  it('GIVEN messages that are not for the bot THEN sends nothing', async () => {
    const { send } = setup();
    for (const init of [{ content: 'Who are the guarantors?' }, { content: `<@${BOT_ID}> hi`, bot: true }, { channelId: ANSWER_CHANNEL_ID, content: 'lunch time' }]) {
      expect((await send(init)).calls).toHaveLength(0);
    }
  });

  it('GIVEN a user asking faster than the cooldown THEN one polite notice, then silence, then answers again', async () => {
    let now = 0;
    const { send } = setup({ cooldownSeconds: 3, now: () => now });
    const dm = { guild: false, content: 'guarantor?' };
    expect((await send(dm)).calls[0]!.payload.content).toContain('Iran');
    now = 1000;
    const notice = await send(dm);
    expect(notice.calls).toHaveLength(1);
    expect(notice.calls[0]!.payload.content).toMatch(/wait 2 s/);
    expect(notice.calls[0]!.payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    now = 2000;
    expect((await send(dm)).calls).toHaveLength(0);
    expect((await send(dm)).calls).toHaveLength(0);
    now = 3500;
    expect((await send(dm)).calls[0]!.payload.content).toContain('Iran');
  });

  it('GIVEN answering throws THEN logs with the message id and apologises, without crashing', async () => {
    const broken = makeKnowledge({ engine: { ...knowledge.engine, answer: () => { throw new Error('engine bug'); } } });
    const { send, lines } = setup({ k: broken });
    const m = await send({ guild: false, content: 'anything', id: '555000000000000555' });
    expect(m.calls.map((c) => c.payload.content)).toEqual([APOLOGY]);
    expect(m.calls[0]!.payload.allowedMentions).toEqual({ parse: [], repliedUser: false });
    expect(lines.find((l) => l['level'] === 50)).toMatchObject({ messageId: '555000000000000555', err: { message: 'engine bug' } });
  });

  it('GIVEN the bot may not post in the channel THEN logs a warning and does not retry', async () => {
    const { send, lines } = setup();
    const denied = new DiscordAPIError({ code: RESTJSONErrorCodes.MissingPermissions, message: 'Missing Permissions' }, RESTJSONErrorCodes.MissingPermissions, 403, 'POST', '/channels/1/messages', { body: undefined, files: undefined });
    const m = await send({ content: `<@${BOT_ID}> guarantor?`, failReply: denied });
    expect(m.calls).toHaveLength(1);
    expect(lines.some((l) => l['level'] === 40 && l['msg'] === 'no permission to reply in this channel')).toBe(true);
    expect(lines.some((l) => l['level'] === 50)).toBe(false);
  });

  it('GIVEN hostile text that the engine cannot answer THEN the echo is neutralised', async () => {
    const { send } = setup();
    const m = await send({ guild: false, content: 'what about @everyone and <@&123456789012345678> **now**?' });
    const content = m.calls[0]!.payload.content as string;
    expect(content).not.toMatch(/(?<!\\)@everyone|<@&\d+>/);
    expect(content).not.toContain('**now**');
  });

  it('GIVEN the real fact base and a mention THEN the reply quotes the article verbatim', async () => {
    const real = loadKnowledge();
    const { send } = setup({ k: real });
    const m = await send({ content: `<@${BOT_ID}> Where are the peace talks held?` });
    const answer = real.engine.answer('Where are the peace talks held?');
    expect(answer.answered).toBe(true);
    expect(unescapeMarkdown(m.calls[0]!.payload.content)).toContain(answer.quotes[0]!.text);
  });
});
