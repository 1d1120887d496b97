// Proves the emulator against a bare, real discord.js Client (no bot code of ours): if these
// pass, later e2e tests can trust that what reached the emulator is what Discord would have got.

import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Message,
  MessageFlags,
  ModalBuilder,
  Partials,
  Routes,
  SlashCommandBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import type { ClientOptions, Interaction } from 'discord.js';
import { ROUTES, getSpecValidator, shardForGuild, startEmulator } from './emulator/index.js';
import type { DiscordEmulator, InteractionPayload } from './emulator/index.js';

// discord.js reports a malformed gateway payload only as an unhandled rejection from its packet
// handler; a passing test must not have any.
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
process.on('unhandledRejection', onUnhandled);

const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Logs a bare client in and resolves once discord.js fired ClientReady (so destroy() is safe). */
async function connect(emu: DiscordEmulator, options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const client = new Client({ intents: INTENTS, partials: [Partials.Channel], rest: { api: emu.apiUrl }, ...options });
  const ready = once(client, Events.ClientReady);
  await client.login(emu.token);
  await ready;
  return client as Client<true>;
}

/** The next interaction the client emits for the payload the emulator dispatched. */
function deliver<T extends Interaction = Interaction>(client: Client, emu: DiscordEmulator, payload: InteractionPayload): Promise<T> {
  const got = new Promise<T>((resolve) => {
    const listener = (i: Interaction): void => {
      if (i.id !== payload.id) return;
      client.off(Events.InteractionCreate, listener);
      resolve(i as T);
    };
    client.on(Events.InteractionCreate, listener);
  });
  emu.sendInteraction(payload);
  return got;
}

function nextMessage(client: Client, predicate: (m: Message) => boolean): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (m: Message): void => {
      if (!predicate(m)) return;
      client.off(Events.MessageCreate, listener);
      resolve(m);
    };
    client.on(Events.MessageCreate, listener);
  });
}

describe('discord.js against the emulator', () => {
  let emu: DiscordEmulator;
  let client: Client<true>;

  beforeAll(async () => {
    emu = await startEmulator();
    client = await connect(emu);
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.stop();
  });

  it('logs in with only the REST base and caches the guild and its channels', () => {
    expect(emu.requests(ROUTES.gatewayBot)).toHaveLength(1);
    expect(emu.identifies).toMatchObject([{ shardId: 0, shardCount: 1 }]);
    expect(client.user.id).toBe(emu.botUser.id);
    expect(client.application.id).toBe(emu.applicationId);
    const guild = client.guilds.cache.get(emu.guild.id);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(emu.channels.text)?.name).toBe('general');
    expect(guild?.channels.cache.get(emu.channels.answers)?.name).toBe('answers');
    expect(guild?.members.me?.id).toBe(emu.botUser.id);
  });

  it('stores synced commands, and the builders use their declared option types', async () => {
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask about the article')
      .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setAutocomplete(true))
      .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));
    const set = await client.application.commands.set([ask.toJSON()]);
    expect([...set.values()].map((c) => c.name)).toEqual(['ask']);
    const fetched = await client.application.commands.fetch();
    expect(fetched.first()).toMatchObject({ name: 'ask', applicationId: emu.applicationId });
    expect(fetched.first()?.id).toBe(set.first()?.id);
    expect(() => emu.chatInput('ask', { question: 'x', nope: 1 })).toThrow(/no option "nope"/);
    expect(() => emu.chatInput('ask', { private: true })).toThrow(/requires option\(s\) question/);
  });

  it('delivers a slash command and records interaction.reply() on the callback route', async () => {
    const since = emu.mark();
    const payload = emu.chatInput('ask', { question: 'Who met in Astana?', private: true });
    const interaction = await deliver(client, emu, payload);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    expect(interaction.options.getString('question')).toBe('Who met in Astana?');
    expect(interaction.options.getBoolean('private')).toBe(true);
    expect(interaction.channelId).toBe(emu.channels.text);
    expect(interaction.user.id).toBe(emu.user.id);

    await interaction.reply({ content: 'Russia, Turkey and Iran.' });
    const callback = await emu.waitForRequest(ROUTES.interactionCallback, { since });
    expect(callback.status).toBe(204);
    expect(callback.params.interaction_id).toBe(payload.id);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'Russia, Turkey and Iran.' } });
    const responses = emu.responsesFor(payload);
    expect(responses.callbackType).toBe(4);
    expect(responses.messages.map((m) => m.content)).toEqual(['Russia, Turkey and Iran.']);
  });

  it('supports deferReply() + editReply(), which resolves to a real Message', async () => {
    const payload = emu.chatInput('ask', { question: 'When?' });
    const interaction = await deliver(client, emu, payload);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const message = await interaction.editReply({ content: 'In January 2017.' });

    expect(message).toBeInstanceOf(Message);
    expect(message.content).toBe('In January 2017.');
    expect(message.author.id).toBe(emu.botUser.id);
    expect(message.flags.has(MessageFlags.Ephemeral)).toBe(true);
    const responses = await emu.waitForResponse(payload);
    expect(responses).toMatchObject({ callbackType: 5, deferred: true, ephemeral: true });
    expect(message.id).toBe(responses.original?.id);
    expect(responses.messages.map((m) => m.content)).toEqual(['In January 2017.']);
    expect(responses.requests.map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual([
      'POST /interactions/{interaction_id}/{interaction_token}/callback 204',
      'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original 200',
    ]);
    expect((await interaction.fetchReply()).content).toBe('In January 2017.');
  });

  it('turns the first follow-up after a deferral into the deferred message, later ones into new messages', async () => {
    const payload = emu.chatInput('ask', { question: 'Follow-ups?' });
    const interaction = await deliver(client, emu, payload);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.deferReply();
    const first = await interaction.followUp({ content: 'First part.' });
    const second = await interaction.followUp({ content: 'Second part.' });
    const responses = emu.responsesFor(payload);
    // Documented Discord behaviour: right after a deferral, a follow-up edits the "thinking" message.
    expect(first.id).toBe(responses.original?.id);
    expect(second.id).toBe(responses.followUps[0]?.id);
    expect(responses.messages.map((m) => m.content)).toEqual(['First part.', 'Second part.']);
  });

  it('answers autocomplete with the focused option, and a button click updates the message', async () => {
    const auto = await deliver(client, emu, emu.autocomplete('ask', { question: 'astan' }, 'question'));
    if (!auto.isAutocomplete()) throw new Error('expected autocomplete');
    expect(auto.options.getFocused(true)).toMatchObject({ name: 'question', value: 'astan' });
    const choices = Array.from({ length: 25 }, (_, i) => ({ name: `Astana question ${i}`, value: `q${i}` }));
    await auto.respond(choices);
    expect(emu.responsesFor(auto.id).choices).toHaveLength(25);

    const payload = emu.chatInput('ask', { question: 'Sources?' });
    const command = await deliver(client, emu, payload);
    if (!command.isChatInputCommand()) throw new Error('expected a chat input command');
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Secondary),
    );
    await command.reply({ content: 'Short answer.', components: [row] });
    const original = emu.responsesFor(payload).original;
    if (!original) throw new Error('no original message');

    expect(() => emu.button(original, 'less:1')).toThrow(/has no component "less:1"; it has more:1/);
    const click = await deliver(client, emu, emu.button(original, 'more:1'));
    if (!click.isButton()) throw new Error('expected a button');
    expect(click.message.id).toBe(original.id);
    await click.update({ content: 'Long answer.', components: [] });
    expect(emu.responsesFor(click.id).callbackType).toBe(7);
    expect(emu.world.messages.get(original.id)).toMatchObject({ content: 'Long answer.', components: [] });
  });

  it('handles multipart uploads, modals and select menus', async () => {
    const withFile = emu.chatInput('ask', { question: 'File?' });
    const command = await deliver(client, emu, withFile);
    if (!command.isChatInputCommand()) throw new Error('expected a chat input command');
    const file = new AttachmentBuilder(Buffer.from('Astana, 23 January 2017'), { name: 'source.txt' });
    const response = await command.reply({ content: 'See the file.', files: [file], withResponse: true });
    expect(response.resource?.message?.attachments.first()?.name).toBe('source.txt');
    const upload = emu.responsesFor(withFile).requests[0];
    expect(upload?.headers.contentType).toMatch(/^multipart\/form-data/);
    expect(upload?.body).toMatchObject({ type: 4, data: { content: 'See the file.' } });
    expect(upload?.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([['files[0]', 'source.txt', 'Astana, 23 January 2017']]);

    const feedback = await deliver(client, emu, emu.chatInput('ask', { question: 'Feedback?' }));
    if (!feedback.isChatInputCommand()) throw new Error('expected a chat input command');
    const input = new TextInputBuilder().setCustomId('text').setLabel('Your feedback').setStyle(TextInputStyle.Paragraph);
    await feedback.showModal(new ModalBuilder().setCustomId('feedback').setTitle('Feedback').addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)));
    expect(emu.responsesFor(feedback.id).modal).toMatchObject({ custom_id: 'feedback', title: 'Feedback' });
    expect(() => emu.modalSubmit('feedback', { txt: 'typo' })).toThrow(/no field\(s\) txt; it has text/);
    const submit = await deliver(client, emu, emu.modalSubmit('feedback', { text: 'Helpful.' }));
    if (!submit.isModalSubmit()) throw new Error('expected a modal submit');
    expect(submit.fields.getTextInputValue('text')).toBe('Helpful.');
    await submit.reply({ content: 'Thanks!', flags: MessageFlags.Ephemeral });

    const topics = emu.chatInput('ask', { question: 'Topics?' });
    const menu = await deliver(client, emu, topics);
    if (!menu.isChatInputCommand()) throw new Error('expected a chat input command');
    const select = new StringSelectMenuBuilder().setCustomId('topic').addOptions({ label: 'Ceasefire', value: 'ceasefire' }, { label: 'Talks', value: 'talks' });
    await menu.reply({ content: 'Pick a topic.', components: [new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(select)] });
    const original = emu.responsesFor(topics).original;
    if (!original) throw new Error('no original message');
    expect(() => emu.select(original, 'topic', ['weather'])).toThrow(/no option\(s\) weather/);
    const choice = await deliver(client, emu, emu.select(original, 'topic', ['talks']));
    if (!choice.isStringSelectMenu()) throw new Error('expected a string select');
    expect(choice.values).toEqual(['talks']);
    await choice.deferUpdate();
    await choice.editReply({ content: 'Talks: ...', components: [] });
    expect(emu.responsesFor(choice.id)).toMatchObject({ callbackType: 6, original: { id: original.id, content: 'Talks: ...' } });
  });

  it('delivers MESSAGE_CREATE and records channel.send(); content needs a mention without the MessageContent intent', async () => {
    const plain = nextMessage(client, (m) => m.author.id === emu.user.id);
    emu.sendMessage({ content: 'no mention here' });
    // Like Discord: no MESSAGE_CONTENT intent, no mention → the bot sees an empty message.
    expect((await plain).content).toBe('');

    const since = emu.mark();
    const mentioned = nextMessage(client, (m) => m.author.id === emu.user.id);
    const sent = emu.sendMessage({ content: 'what was agreed?', mentionBot: true });
    const message = await mentioned;
    expect(message.id).toBe(sent.id);
    expect(message.content).toBe(`<@${emu.botUser.id}> what was agreed?`);
    expect(message.mentions.users.has(emu.botUser.id)).toBe(true);
    expect(message.member?.id).toBe(emu.user.id);

    const echoed = nextMessage(client, (m) => m.author.id === emu.botUser.id);
    const reply = await message.reply('A ceasefire mechanism.');
    expect(reply).toBeInstanceOf(Message);
    const request = await emu.waitForRequest(ROUTES.createMessage, { since });
    expect(request.params.channel_id).toBe(emu.channels.text);
    expect(request.body).toMatchObject({ content: 'A ceasefire mechanism.', message_reference: { message_id: sent.id } });
    // The bot's own message comes back over the gateway, as on Discord.
    expect((await echoed).id).toBe(reply.id);

    if (!message.channel.isSendable()) throw new Error('expected a sendable channel');
    await message.channel.send('And a follow-up.');
    expect(emu.botMessages(emu.channels.text).at(-1)?.content).toBe('And a follow-up.');
    expect(emu.requests(ROUTES.createMessage, since)).toHaveLength(2);
  });

  it('delivers a DM (no guild_id) and records the answer in the DM channel', async () => {
    const dm = nextMessage(client, (m) => m.author.id === emu.user.id);
    emu.sendMessage({ content: 'private question', channelId: emu.channels.dm });
    const message = await dm;
    expect(message.guildId).toBeNull();
    expect(message.content).toBe('private question');
    if (!message.channel.isSendable()) throw new Error('expected a sendable DM channel');
    await message.channel.send('private answer');
    expect(emu.botMessages(emu.channels.dm).map((m) => m.content)).toEqual(['private answer']);
  });

  it('resumes after a dropped socket and delivers an interaction sent during the gap exactly once', async () => {
    const seen: string[] = [];
    const count = (i: Interaction): void => {
      seen.push(i.id);
    };
    client.on(Events.InteractionCreate, count);
    const started = Date.now();
    expect(emu.dropSocket()).toBe(1);
    const payload = emu.chatInput('ask', { question: 'During the gap?' });
    const interaction = await deliver(client, emu, payload);
    const resumedAfter = Date.now() - started;
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply({ content: 'Delivered.' });
    // Give a duplicate the time to show up if the replay were wrong.
    await new Promise((r) => setTimeout(r, 100));
    client.off(Events.InteractionCreate, count);

    expect(seen.filter((id) => id === payload.id)).toHaveLength(1);
    expect(emu.dispatches.find((d) => (d.d as { id?: string }).id === payload.id)?.status).toBe('queued');
    expect(emu.resumes).toMatchObject([{ ok: true, shardId: 0 }]);
    expect(emu.resumes[0]?.replayed).toBeGreaterThanOrEqual(1);
    expect(emu.identifies).toHaveLength(1); // resumed, not re-identified
    expect(resumedAfter).toBeGreaterThanOrEqual(450); // discord.js waits ~500 ms before reconnecting
    expect(emu.responsesFor(payload).messages).toHaveLength(1);
  });

  it('retries a 429 with Retry-After on the callback and delivers the reply once', async () => {
    const rule = emu.failNext(ROUTES.interactionCallback, { status: 429, retryAfter: 0.2 });
    const payload = emu.chatInput('ask', { question: 'Rate limited?' });
    const interaction = await deliver(client, emu, payload);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    const started = Date.now();
    await interaction.reply({ content: 'Eventually.' });
    const elapsed = Date.now() - started;

    expect(rule.hits).toBe(1);
    const attempts = emu.responsesFor(payload).requests;
    expect(attempts.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate-limit'],
      [204, undefined],
    ]);
    expect(attempts[0]?.response).toMatchObject({ retry_after: 0.2, global: false });
    expect(elapsed).toBeGreaterThanOrEqual(200);
    expect(emu.responsesFor(payload).callbacks).toHaveLength(1);
    expect(emu.responsesFor(payload).messages.map((m) => m.content)).toEqual(['Eventually.']);
  });

  it('rejects login with an invalid token (401 on /gateway/bot)', async () => {
    const since = emu.mark();
    const bad = new Client({ intents: INTENTS, rest: { api: emu.apiUrl } });
    await expect(bad.login('not-a-valid-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    await bad.destroy();
    expect(emu.requests(ROUTES.gatewayBot, since).map((r) => [r.status, r.response])).toEqual([
      [401, { message: '401: Unauthorized', code: 0 }],
    ]);
  });

  it('saw only bodies Discord accepts and no protocol errors in the valid flows', () => {
    expect(emu.specViolations).toEqual([]);
    expect(emu.protocolErrors).toEqual([]);
    expect(emu.internalErrors).toEqual([]);
  });
});

describe('Discord limits enforced from the OpenAPI spec', () => {
  let emu: DiscordEmulator;
  let client: Client<true>;

  beforeAll(async () => {
    emu = await startEmulator({ interactionTimeoutMs: 300 });
    client = await connect(emu);
  });

  afterAll(async () => {
    await client?.destroy();
    await emu?.stop();
  });

  async function expect50035(action: Promise<unknown>, path: string): Promise<void> {
    const error = await action.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    expect(emu.specViolations.at(-1)?.errors.map((e) => e.path)).toEqual([path]);
  }

  it('rejects a 2,001-character reply like Discord (400 Invalid Form Body)', async () => {
    const interaction = await deliver(client, emu, emu.chatInput('ask', { question: 'long' }));
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await expect50035(interaction.reply({ content: 'x'.repeat(2001) }), 'data.content');
    const rawBody = emu.requests(ROUTES.interactionCallback).at(-1)?.response as { errors: unknown };
    expect(rawBody.errors).toEqual({
      data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } },
    });
  });

  it('rejects 26 autocomplete choices', async () => {
    const interaction = await deliver(client, emu, emu.autocomplete('ask', { question: 'a' }, 'question'));
    if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `choice ${i}`, value: `v${i}` }));
    await expect50035(interaction.respond(choices), 'data.choices');
  });

  it('rejects a 101-character custom_id', async () => {
    const payload = emu.chatInput('ask', { question: 'button' });
    await deliver(client, emu, payload);
    // discord.js's builders refuse such an id client-side, so send the raw body through its REST client.
    const body = {
      type: 4,
      data: { content: 'hi', components: [{ type: 1, components: [{ type: 2, style: 1, label: 'More', custom_id: 'c'.repeat(101) }] }] },
    };
    await expect50035(
      client.rest.post(Routes.interactionCallback(payload.id, payload.token), { body, auth: false }),
      'data.components.0.components.0.custom_id',
    );
  });

  it('rejects a 2,001-character channel message, which the spec alone would allow', async () => {
    const channel = client.channels.cache.get(emu.channels.text);
    if (!channel?.isSendable()) throw new Error('expected a text channel');
    await expect50035(channel.send('y'.repeat(2001)), 'content');
  });

  it('refuses a second acknowledgement of the same interaction (40060)', async () => {
    const payload = emu.chatInput('ask', { question: 'twice' });
    const interaction = await deliver(client, emu, payload);
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await interaction.reply({ content: 'once' });
    // discord.js refuses a second reply itself; a raw call shows what Discord answers.
    const again = client.rest.post(Routes.interactionCallback(payload.id, payload.token), { body: { type: 4, data: { content: 'twice' } }, auth: false });
    await expect(again).rejects.toMatchObject({ status: 400, code: 40060 });
    expect(emu.protocolErrors.at(-1)).toMatchObject({ code: 40060 });
    expect(emu.responsesFor(payload).messages.map((m) => m.content)).toEqual(['once']);
  });

  it('accepts the same payloads at the limit', () => {
    const validator = getSpecValidator();
    const callback = '/interactions/1/token/callback';
    const button = { type: 2, style: 1, label: 'More', custom_id: 'c'.repeat(100) };
    const ok = [
      validator.validate('POST', callback, { type: 4, data: { content: 'x'.repeat(2000), components: [{ type: 1, components: [button] }] } }),
      validator.validate('POST', callback, { type: 8, data: { choices: Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, value: i })) } }),
      validator.validate('POST', callback, { type: 5, data: { flags: 64 } }),
      validator.validate('POST', '/channels/1/messages', { content: 'y'.repeat(2000), message_reference: { message_id: '1' } }),
      validator.validate('PATCH', '/webhooks/1/token/messages/@original', { content: 'z', embeds: [{ description: 'd'.repeat(4096) }] }),
    ];
    expect(ok.map((r) => [r.checked, r.valid, r.errors])).toEqual(ok.map(() => [true, true, []]));
    const embeds = validator.validate('POST', '/webhooks/1/token', { embeds: [{ description: 'd'.repeat(4096) }, { description: 'd'.repeat(2000) }] });
    expect(embeds.errors.map((e) => e.message)).toEqual(['Embed size exceeds maximum size of 6000']);
  });

  it('refuses a callback after the interaction expired, as Discord does after 3 s', async () => {
    const interaction = await deliver(client, emu, emu.chatInput('ask', { question: 'slow' }));
    if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
    await new Promise((r) => setTimeout(r, 350));
    await expect(interaction.reply({ content: 'too late' })).rejects.toMatchObject({ status: 404, code: 10062 });
    expect(emu.protocolErrors.at(-1)).toMatchObject({ code: 10062 });
  });
});

describe('sharding', () => {
  it('routes each guild to the shard that owns it, across two single-shard clients', async () => {
    const emu = await startEmulator({ shards: 2 });
    const clients = await Promise.all([0, 1].map((id) => connect(emu, { shards: [id], shardCount: 2 })));
    try {
      await emu.waitForReady();
      expect(emu.identifies.map((i) => [i.shardId, i.shardCount]).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      for (const [index, guild] of emu.guilds.entries()) {
        const shard = shardForGuild(guild.id, 2);
        expect(shard).toBe(index);
        expect(clients[shard]?.guilds.cache.has(guild.id)).toBe(true);
        expect(clients[1 - shard]?.guilds.cache.has(guild.id)).toBe(false);
        const owner = clients[shard] as Client;
        const interaction = await deliver(owner, emu, emu.chatInput('ask', {}, { channelId: guild.channelIds.general }));
        expect(interaction.guildId).toBe(guild.id);
        expect(emu.dispatches.at(-1)).toMatchObject({ t: 'INTERACTION_CREATE', shardId: shard, status: 'sent' });
      }
    } finally {
      await Promise.all(clients.map((c) => c.destroy()));
      await emu.stop();
    }
  });
});

describe('login and shutdown', () => {
  it('refuses a privileged intent the application has not enabled (4014)', async () => {
    const emu = await startEmulator({ disabledPrivilegedIntents: ['MessageContent'] });
    const client = new Client({ intents: [...INTENTS, GatewayIntentBits.MessageContent], rest: { api: emu.apiUrl } });
    try {
      await expect(client.login(emu.token)).rejects.toThrow(/disallowed intents/i);
    } finally {
      await client.destroy();
      await emu.stop();
    }
  });

  it('stop() closes promptly even with a client still connected', async () => {
    const emu = await startEmulator();
    const client = await connect(emu);
    const started = Date.now();
    await emu.stop();
    expect(Date.now() - started).toBeLessThan(500);
    await client.destroy();
    await expect(emu.waitForRequest(ROUTES.createMessage, 1000)).rejects.toThrow(/stopped/);
  });
});

describe('process health', () => {
  it('raised no unhandled rejection', () => {
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});
