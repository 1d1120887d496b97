// Startup as in production: login, READY, and the slash command sync (GET, then PUT only when the
// definitions differ from what Discord has).

import { GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { StartupError } from '../../src/bot/start.js';
import { ROUTES, startEmulator } from './emulator/index.js';
import type { JsonObject } from './emulator/index.js';
import { LEVEL, LogCapture, startBotAgainst, useBotSuite } from './helpers/harness.js';

const BASE_INTENTS = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;

describe('startup', () => {
  const s = useBotSuite();

  it('logs in with the token, identifies without privileged intents and reports READY', () => {
    const { emu, bot, logs } = s;
    expect(emu.requests(ROUTES.gatewayBot).map((r) => [r.status, r.headers.authorization])).toEqual([[200, `Bot ${emu.token}`]]);
    expect(emu.identifies).toHaveLength(1);
    expect(emu.identifies[0]).toMatchObject({ shardId: 0, shardCount: 1, intents: BASE_INTENTS });
    expect(bot.client.isReady()).toBe(true);
    expect(bot.applicationId).toBe(emu.applicationId);
    expect(bot.client.guilds.cache.has(emu.guild.id)).toBe(true);
    const connected = logs.find((l) => l.msg === 'connected to Discord')[0];
    expect(connected).toMatchObject({ level: LEVEL.info, userId: emu.botUser.id, applicationId: emu.applicationId, guilds: 1 });
    // The first line after READY carries the invite link, with the permissions computed in code.
    const at = logs.lines.findIndex((l) => l.msg === 'connected to Discord');
    expect(logs.lines[at - 1]?.msg).toBe('starting');
    expect(connected?.['invite']).toBe(
      `https://discord.com/oauth2/authorize?client_id=${emu.applicationId}&scope=bot+applications.commands&permissions=274877975552`,
    );
    // The token never reaches the logs.
    expect(logs.lines.some((l) => JSON.stringify(l).includes(emu.token))).toBe(false);
  });

  it('registers every command once, globally, with the right options', () => {
    const { emu, bot } = s;
    const sync = emu.requests(/\/applications\/\d+\/commands$/);
    expect(sync.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200', 'PUT 200']);
    expect(bot.sync).toMatchObject({ action: 'updated', scope: 'global', count: 4 });

    const body = sync[1]?.body as JsonObject[];
    expect(body.map((c) => c['name'])).toEqual(['ask', 'topics', 'source', 'help']);
    const byName = new Map(body.map((c) => [c['name'], c]));
    const optionsOf = (name: string) => (byName.get(name)?.['options'] as JsonObject[] | undefined) ?? [];

    expect(optionsOf('ask')).toEqual([
      expect.objectContaining({ type: 3, name: 'question', required: true, autocomplete: true, max_length: 300 }),
      expect.objectContaining({ type: 5, name: 'private' }),
    ]);
    expect(optionsOf('ask')[1]?.['required']).not.toBe(true);
    expect(optionsOf('topics')).toEqual([]);
    expect(optionsOf('source')).toEqual([
      expect.objectContaining({ type: 4, name: 'sentence', min_value: 1 }),
      expect.objectContaining({ type: 3, name: 'document', autocomplete: true }),
    ]);
    expect(optionsOf('source').map((o) => o['required'])).not.toContain(true);
    expect(optionsOf('help')).toEqual([]);
    for (const c of body) {
      expect(String(c['description']).length, `/${String(c['name'])} description`).toBeGreaterThan(0);
      // Usable in servers and in the bot's DMs.
      expect(c['contexts']).toEqual([0, 1]);
    }
    // What Discord stored is what the interaction builders use from now on.
    expect(emu.world.commands.list(null).map((c) => c.name)).toEqual(['ask', 'topics', 'source', 'help']);
  });

  it('a second start against the same Discord with unchanged definitions does not PUT again', async () => {
    const identifies = s.emu.identifies.length;
    await s.restart();
    const sync = s.emu.requests(/\/applications\/\d+\/commands$/, s.since);
    expect(sync.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 200']);
    expect(s.bot.sync).toMatchObject({ action: 'unchanged', changed: [] });
    expect(s.logs.find((l) => l.msg === 'slash commands are up to date', s.logSince)).toHaveLength(1);
    expect(s.emu.identifies).toHaveLength(identifies + 1);
    // The restarted bot serves: a command still works against the stored definitions.
    const payload = s.emu.chatInput('help');
    s.emu.sendInteraction(payload);
    const response = await s.emu.waitForResponse(payload);
    expect(response.callbackType).toBe(4);
  });

  it('with DISCORD_GUILD_ID, registers to that server only (instant), leaving global commands alone', async () => {
    await s.restart({ DISCORD_GUILD_ID: s.emu.guild.id });
    const sync = s.emu.requests(/\/applications\/\d+\/(guilds\/\d+\/)?commands$/, s.since);
    expect(sync.map((r) => `${r.method} ${r.route}`)).toEqual([
      'GET /applications/{application_id}/guilds/{guild_id}/commands',
      'PUT /applications/{application_id}/guilds/{guild_id}/commands',
    ]);
    expect(s.bot.sync).toMatchObject({ action: 'updated', scope: 'guild', guildId: s.emu.guild.id });
    expect(s.emu.world.commands.list(s.emu.guild.id).map((c) => c.name)).toEqual(['ask', 'topics', 'source', 'help']);
  });

  it('a command it no longer has (still registered somewhere) gets a friendly private notice', async () => {
    const payload = s.emu.chatInput('quiz', { level: 'hard' });
    s.emu.sendInteraction(payload);
    const r = await s.emu.waitForResponse(payload);
    expect(r.ephemeral).toBe(true);
    expect(r.messages[0]?.content).toMatch(/I don't have a \/quiz command/);
  });
});

describe('startup failures people can fix', () => {
  it('answer channels without the Message Content intent enabled in the portal: one clear line', async () => {
    const emu = await startEmulator({ disabledPrivilegedIntents: ['MessageContent'] });
    const logs = new LogCapture();
    try {
      const err = await startBotAgainst(emu, { ANSWER_CHANNEL_IDS: emu.channels.answers }, {}, logs).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StartupError);
      expect((err as Error).message).toMatch(/^Discord refused the Message Content intent that ANSWER_CHANNEL_IDS needs/);
      expect((err as Error).message).not.toContain('\n');
      expect(emu.identifies).toEqual([]); // refused at IDENTIFY (4014), no session
      expect(emu.specViolations).toEqual([]);
    } finally {
      await emu.stop();
    }
  });
});
