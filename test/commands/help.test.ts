import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { command as help } from '../../src/commands/help.js';
import { commandDefinitions, commands } from '../../src/commands/index.js';
import { as, BOT_ID, fakeInteraction, memoryLogger } from '../bot/fakes.js';
import { knowledge } from '../bot/fixtures.js';
import { limitProblems } from '../bot/limits.js';

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
  it('GIVEN the static list THEN names are unique and definitions respect Discord limits', () => {
    const defs = commandDefinitions();
    expect(defs.map((d) => d.name)).toEqual(['ask', 'topics', 'source', 'help']);
    expect(commands.map((c) => c.data.name)).toEqual(defs.map((d) => d.name));
    for (const d of defs) {
      expect(d.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.contexts).toEqual([0, 1]);
      expect(d.integration_types).toEqual([0]);
      for (const o of d.options ?? []) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeLessThanOrEqual(100);
      }
    }
    const namespaces = commands.flatMap((c) => (c.components ? [c.components.namespace] : []));
    expect(new Set(namespaces).size).toBe(namespaces.length);
    expect(namespaces.sort()).toEqual(['qa', 'src', 'topics']);
  });
});
