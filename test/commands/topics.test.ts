import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { CustomId } from '../../src/bot/custom-ids.js';
import { UserError } from '../../src/bot/errors.js';
import { command as topics } from '../../src/commands/topics.js';
import type { CommandContext, ComponentInteraction } from '../../src/commands/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { Knowledge } from '../../src/knowledge/types.js';
import { as, fakeInteraction, memoryLogger } from '../bot/fakes.js';
import { knowledge } from '../bot/fixtures.js';
import { customIds, limitProblems, selectOptions } from '../bot/limits.js';

const context = (k: Knowledge = knowledge): CommandContext => ({ knowledge: k, logger: memoryLogger().logger, hooks: {}, answerChannelIds: [] });
const PICK: CustomId = { kind: 'topics:pick' };

describe('/topics', () => {
  it('GIVEN the command THEN replies privately with the topics and a topic menu', async () => {
    const i = fakeInteraction('chat', { commandName: 'topics' });
    await topics.execute(as<ChatInputCommandInteraction>(i), context());
    const { method, payload } = i.calls[0]!;
    expect(method).toBe('reply');
    expect(payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(payload.content).toContain('The Astana process');
    expect(payload.content).toContain('De-escalation zones');
    expect(customIds(payload)).toEqual(['v1:topics:pick']);
    expect(limitProblems(payload)).toEqual([]);
  });

  it('GIVEN a topic picked THEN updates the message with its facts (first question + answer) and a fact menu', async () => {
    const i = fakeInteraction('select', { values: ['process'] });
    await topics.components.handle(as<ComponentInteraction>(i), PICK, context());
    const { method, payload } = i.calls[0]!;
    expect(method).toBe('update');
    expect(payload.content).toContain('Who are the guarantor countries?');
    expect(payload.content).toContain('Iran, Turkey and the Russian Federation.');
    expect(payload.content).toContain('When is the next round of talks?');
    expect(payload.content).not.toContain('Six months.');
    expect(customIds(payload)).toEqual(['v1:topics:pick', 'v1:qa:pick']);
    expect(selectOptions(payload).map((o) => o['value'])).toContain('next-round');
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(limitProblems(payload)).toEqual([]);
  });

  it('GIVEN an unknown topic or a button with the menu id THEN it is a user mistake', async () => {
    await expect(
      topics.components.handle(as<ComponentInteraction>(fakeInteraction('select', { values: ['nope'] })), PICK, context()),
    ).rejects.toBeInstanceOf(UserError);
    await expect(
      topics.components.handle(as<ComponentInteraction>(fakeInteraction('button')), PICK, context()),
    ).rejects.toBeInstanceOf(UserError);
  });

  it('GIVEN the real fact base THEN every topic view fits and lists every fact of the topic in its menu', async () => {
    const real = loadKnowledge();
    for (const t of real.topics) {
      const i = fakeInteraction('select', { values: [t.id] });
      await topics.components.handle(as<ComponentInteraction>(i), PICK, context(real));
      const payload = i.calls[0]!.payload;
      expect(limitProblems(payload)).toEqual([]);
      const values = selectOptions(payload).map((o) => o['value']);
      for (const f of real.factsInTopic(t.id)) expect(values).toContain(f.id);
    }
  });
});
