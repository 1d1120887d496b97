import { ApplicationIntegrationType, InteractionContextType, MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { command as help } from '../../src/commands/help.js';
import { commandDefinitions, commands } from '../../src/commands/index.js';
import { as, BOT_ID, fakeInteraction, memoryLogger } from '../bot/fakes.js';
import { knowledge } from '../bot/fixtures.js';
import { limitProblems } from '../bot/limits.js';
import { getSpecValidator } from '../e2e/emulator/spec-validator.js';

describe('/help', () => {
  it('GIVEN the command THEN privately explains what the bot knows, how to ask and how answers are sourced', async () => {
    const i = fakeInteraction('chat', { commandName: 'help' });
    await help.execute(as<ChatInputCommandInteraction>(i), {
      knowledge,
      logger: memoryLogger().logger,
      hooks: {},
      answerChannelIds: ['300000000000000004'],
    });
    const payload = i.calls[0]!.payload;
    expect(payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    for (const s of ['Guarantor countries', 'Vanessa Coleman', '/ask', `<@${BOT_ID}>`, 'direct message', 'reply', '<#300000000000000004>', 'word for word', "doesn't say", '/source', '/topics']) {
      expect(payload.content).toContain(s);
    }
    expect(limitProblems(payload)).toEqual([]);
  });
});

describe('command list', () => {
  it('GIVEN the static list THEN names are unique and Discord\'s own API description accepts the registration, for servers and DMs', () => {
    const defs = commandDefinitions();
    expect(defs.map((d) => d.name)).toEqual(['ask', 'topics', 'source', 'help']);
    expect(commands.map((c) => c.data.name)).toEqual(defs.map((d) => d.name));
    // The body `deploy-commands` sends, checked against the vendored OpenAPI spec (names, lengths,
    // option types, contexts and integration types), not against what the builder was given.
    const result = getSpecValidator().validate('PUT', '/applications/300000000000000001/commands', defs);
    expect(result.checked).toBe(true);
    expect(result.errors).toEqual([]);
    // Usable where the README says: in servers and in DMs with the bot, installed to servers.
    for (const d of defs) {
      expect(new Set(d.contexts)).toEqual(new Set([InteractionContextType.Guild, InteractionContextType.BotDM]));
      expect(d.integration_types).toEqual([ApplicationIntegrationType.GuildInstall]);
    }
    const namespaces = commands.flatMap((c) => (c.components ? [c.components.namespace] : []));
    expect(new Set(namespaces).size).toBe(namespaces.length);
    expect(namespaces.sort()).toEqual(['qa', 'src', 'topics']);
  });

  it('GIVEN a definition Discord would refuse THEN the same spec check reports it (the check above can fail)', () => {
    const [first, ...rest] = commandDefinitions();
    const bad = [{ ...first, description: 'x'.repeat(101), contexts: [7] }, ...rest];
    const result = getSpecValidator().validate('PUT', '/applications/300000000000000001/commands', bad);
    expect(result.errors.map((e) => e.path).sort()).toEqual(['0.contexts.0', '0.description'].sort());
  });
});
