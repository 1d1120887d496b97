// Free-text questions: @mention, DM, reply to the bot, and answer channels (ANSWER_CHANNEL_IDS);
// and everything the bot must leave alone. "Ignored" is proven without sleeping: a marker question
// is sent afterwards and, once it is answered, nothing else may have been sent (expectIgnored).

import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { snowflake } from './emulator/index.js';
import type { JsonObject, MessageJson } from './emulator/index.js';
import {
  expectIgnored,
  messageBodies,
  newUser,
  quotesOf,
  sendAndWaitReply,
  unescapeDiscord,
  useBotSuite,
  waitForReplyTo,
} from './helpers/harness.js';

const knowledge = loadKnowledge();
const sentence = (n: number): string => knowledge.article.sentences.find((x) => x.n === n)?.text ?? '';

function expectGuarantorAnswer(content: string): void {
  expect(unescapeDiscord(content.split('\n')[0] ?? '')).toBe(knowledge.fact('guarantors')?.answer);
  expect(quotesOf(content)).toEqual([{ sentence: 2, text: sentence(2) }]);
}

function referenceOf(body: unknown): JsonObject | undefined {
  return (body as JsonObject)['message_reference'] as JsonObject | undefined;
}

describe('free-text questions (default config: no Message Content intent)', () => {
  const s = useBotSuite();

  it('answers an @mention in a server channel with a non-pinging reply', async () => {
    const author = newUser(s.emu, 'mention');
    const { message, reply, content } = await sendAndWaitReply(s.emu, {
      content: 'who are the guarantor countries?',
      mentionBot: true,
      author,
    });
    expect(reply.params['channel_id']).toBe(s.emu.channels.text);
    expect(referenceOf(reply.body)).toMatchObject({ message_id: message.id });
    expect((reply.body as JsonObject)['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expectGuarantorAnswer(content);
  });

  it('answers a direct message in the DM channel', async () => {
    const author = newUser(s.emu, 'dm');
    const dm = s.emu.world.dmChannel(author).json.id as string;
    const { reply, content } = await sendAndWaitReply(s.emu, { content: 'Who are the guarantor countries?', channelId: dm, author });
    expect(reply.params['channel_id']).toBe(dm);
    expectGuarantorAnswer(content);
  });

  it('answers a reply to one of its answers', async () => {
    const first = await sendAndWaitReply(s.emu, { content: 'where are the talks held?', mentionBot: true, author: newUser(s.emu, 'r1') });
    const botAnswer = s.emu.world.messages.get((first.reply.response as MessageJson).id) as MessageJson;
    expect(botAnswer.author.id).toBe(s.emu.botUser.id);
    // A reply pings its author by default, so Discord delivers the content even without the intent.
    const { message, reply, content } = await sendAndWaitReply(s.emu, {
      content: 'and who are the guarantor countries?',
      referencedMessage: botAnswer,
      author: newUser(s.emu, 'r2'),
    });
    expect(referenceOf(reply.body)).toMatchObject({ message_id: message.id });
    expectGuarantorAnswer(content);
  });

  it('@everyone and role mentions inside a question ping nobody, and the echo is escaped', async () => {
    const roleId = s.emu.guild.roles[0]?.id as string; // @everyone's role id is the guild id
    const question = `@everyone @here <@&${roleId}> <@${s.emu.otherUser.id}> what is the capital of France?`;
    const { reply, content } = await sendAndWaitReply(s.emu, {
      content: question,
      mentionBot: true,
      mentionEveryone: true,
      mentionRoles: [roleId],
      author: newUser(s.emu, 'pinger'),
    });
    expect(content).toMatch(/^The article doesn't say\./);
    // Echoed, but defused: no raw @everyone/@here, no raw role or user mention syntax.
    expect(content).toContain('You asked:');
    expect(content).not.toMatch(/(?<!\\)@everyone|(?<!\\)@here|<@&|<@\d/);
    expect(unescapeDiscord(content)).toContain(`@everyone @here <@&${roleId}> <@${s.emu.otherUser.id}> what is the capital of France?`);
    expect((reply.body as JsonObject)['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    const stored = reply.response as MessageJson;
    expect([stored.mention_everyone, stored.mentions, stored.mention_roles]).toEqual([false, [], []]);
  });

  it('ignores other bots, webhooks, its own messages and unaddressed chatter', async () => {
    const general = s.emu.channels.text;
    await expectIgnored(s.emu, general, () => {
      s.emu.sendMessage({ content: 'who are the guarantor countries?', mentionBot: true, botAuthor: true });
      s.emu.sendMessage({ content: 'who are the guarantor countries?', mentionBot: true, webhookId: '123456789012345678' });
      s.emu.sendMessage({ content: `<@${s.emu.botUser.id}> who are the guarantor countries?`, author: s.emu.botUser });
      s.emu.sendMessage({ content: 'who are the guarantor countries?', author: newUser(s.emu, 'chatter') });
    });
  });

  it('a reply to the bot whose content it cannot see (no ping, no intent) is left alone', async () => {
    const botAnswer = s.emu.botMessages(s.emu.channels.text).find((m) => !(m.flags & 64));
    if (!botAnswer) throw new Error('no public bot message to reply to');
    await expectIgnored(s.emu, s.emu.channels.text, () => {
      s.emu.sendMessage({ content: 'thanks!', referencedMessage: botAnswer, mentionRepliedUser: false, author: newUser(s.emu, 'quiet') });
    });
  });

  it('a bare mention gets a hint, and a second question inside the cooldown a single notice', async () => {
    const author = newUser(s.emu, 'hasty');
    const hint = await sendAndWaitReply(s.emu, { content: '', mentionBot: true, author });
    expect(hint.content).toMatch(/Ask me something about the article/);
    const notice = await sendAndWaitReply(s.emu, { content: 'who are the guarantors?', mentionBot: true, author });
    expect(notice.content).toMatch(/You're asking faster than I answer — please wait \d+ s/);
    // The third one inside the window gets silence, so a spammer cannot make the bot spam back.
    await expectIgnored(s.emu, s.emu.channels.text, () => {
      s.emu.sendMessage({ content: 'who are the guarantors??', mentionBot: true, author });
    });
  });
});

describe('answer channels (ANSWER_CHANNEL_IDS)', () => {
  let threadId = '';
  const s = useBotSuite({
    env: (emu) => ({ ANSWER_CHANNEL_IDS: emu.channels.answers }),
    // A public thread under the answer channel, present in GUILD_CREATE like on Discord.
    prepare: (emu) => {
      threadId = snowflake();
      const thread: JsonObject = {
        id: threadId,
        type: 11,
        guild_id: emu.guild.id,
        parent_id: emu.channels.answers,
        owner_id: emu.user.id,
        name: 'follow-up questions',
        last_message_id: null,
        rate_limit_per_user: 0,
        message_count: 0,
        member_count: 1,
        total_message_sent: 0,
        flags: 0,
        thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
      };
      emu.world.channels.set(threadId, { json: thread, guildId: emu.guild.id });
      emu.guild.channels.push(thread);
    },
  });

  it('asks for the Message Content intent only in this mode', () => {
    const intents = s.emu.identifies[0]?.intents ?? 0;
    expect(intents & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
  });

  it('answers a question asked in the channel without a mention', async () => {
    const { message, reply, content } = await sendAndWaitReply(s.emu, {
      content: 'Who are the guarantor countries?',
      channelId: s.emu.channels.answers,
      author: newUser(s.emu, 'chan'),
    });
    expect(reply.params['channel_id']).toBe(s.emu.channels.answers);
    expect(referenceOf(reply.body)).toMatchObject({ message_id: message.id });
    expectGuarantorAnswer(content);
  });

  it('answers a question in a thread of the answer channel', async () => {
    const { reply, content } = await sendAndWaitReply(s.emu, {
      content: 'Who are the guarantor countries?',
      channelId: threadId,
      author: newUser(s.emu, 'thread'),
    });
    expect(reply.params['channel_id']).toBe(threadId);
    expectGuarantorAnswer(content);
  });

  it('answers a reply to the bot even without a ping (the content is visible with the intent)', async () => {
    const botAnswer = s.emu.botMessages(s.emu.channels.answers).at(-1);
    if (!botAnswer) throw new Error('no bot message to reply to');
    const { content } = await sendAndWaitReply(s.emu, {
      content: 'and who are the guarantor countries',
      channelId: s.emu.channels.answers,
      referencedMessage: botAnswer,
      mentionRepliedUser: false,
      author: newUser(s.emu, 'replier'),
    });
    expectGuarantorAnswer(content);
  });

  it('ignores non-questions, conversation between people, other bots, webhooks, itself and other channels', async () => {
    const answers = s.emu.channels.answers;
    const someone = newUser(s.emu, 'someone');
    await expectIgnored(s.emu, answers, () => {
      s.emu.sendMessage({ content: 'thanks, that was helpful', channelId: answers, author: newUser(s.emu, 'n1') });
      s.emu.sendMessage({ content: 'lol', channelId: answers, author: newUser(s.emu, 'n2') });
      s.emu.sendMessage({ content: '???', channelId: answers, author: newUser(s.emu, 'n3') });
      s.emu.sendMessage({ content: `<@${someone.id}> who are the guarantor countries?`, channelId: answers, author: newUser(s.emu, 'n4') });
      s.emu.sendMessage({ content: '@everyone who are the guarantor countries?', channelId: answers, author: newUser(s.emu, 'n5') });
      s.emu.sendMessage({ content: 'Who are the guarantor countries?', channelId: answers, botAuthor: true });
      s.emu.sendMessage({ content: 'Who are the guarantor countries?', channelId: answers, webhookId: '223456789012345678' });
      s.emu.sendMessage({ content: 'Who are the guarantor countries?', channelId: answers, author: s.emu.botUser });
      s.emu.sendMessage({ content: 'Who are the guarantor countries?', channelId: s.emu.channels.text, author: newUser(s.emu, 'n6') });
    });
    // The marker's own answer was the only message; what the bot echoed back to itself was ignored too.
    expect(messageBodies(s.emu, s.since).length).toBe(1);
  });

  it('answers a mention of the bot’s managed role like a mention of the bot (outside answer channels too)', async () => {
    const { content } = await sendAndWaitReply(s.emu, {
      content: `<@&${s.emu.guild.botRoleId}> who are the guarantor countries?`,
      mentionRoles: [s.emu.guild.botRoleId],
      channelId: s.emu.channels.text,
      author: newUser(s.emu, 'role'),
    });
    expectGuarantorAnswer(content);
  });

  it('still answers mentions and DMs in this mode', async () => {
    const mention = await sendAndWaitReply(s.emu, { content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'm') });
    expectGuarantorAnswer(mention.content);
    const author = newUser(s.emu, 'dm');
    const dm = s.emu.sendMessage({ content: 'who are the guarantor countries?', channelId: s.emu.world.dmChannel(author).json.id as string, author });
    const reply = await waitForReplyTo(s.emu, dm);
    expectGuarantorAnswer(String((reply.body as JsonObject)['content']));
  });
});
