import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/bot/errors.js';
import { APOLOGY } from '../../src/bot/errors.js';
import { createInteractionRouter, FOREIGN_COMPONENT, INVALID_COMPONENT, OUTDATED_COMPONENT } from '../../src/bot/router.js';
import { commands } from '../../src/commands/index.js';
import type { Command, CommandContext } from '../../src/commands/types.js';
import { as, BOT_ID, fakeInteraction, memoryLogger, type FakeInteraction } from './fakes.js';
import { knowledge } from './fixtures.js';

function setup(extra: Command[] = []) {
  const { logger, lines } = memoryLogger();
  const errors: Array<{ err: unknown; where: string }> = [];
  const context: CommandContext = { knowledge, logger, hooks: { error: (err, where) => errors.push({ err, where }) }, answerChannelIds: [] };
  const route = createInteractionRouter({ commands: [...commands, ...extra], context });
  return { route: (i: FakeInteraction) => route(as<Interaction>(i)), lines, errors };
}

function throwing(name: string, err: unknown, before?: (i: { reply(p: unknown): Promise<unknown>; deferReply?: unknown }) => Promise<unknown>): Command {
  return {
    data: { name, toJSON: () => ({ name, description: 'test' }) },
    async execute(interaction) {
      if (before) await before(interaction as never);
      throw err;
    },
  };
}

const apiError = (code: number) =>
  new DiscordAPIError({ code, message: 'x' }, code, 404, 'POST', 'https://discord.com/api/v10/interactions/1/t/callback', { body: undefined, files: undefined });

describe('interaction router', () => {
  it('GIVEN a slash command THEN dispatches to it', async () => {
    const { route } = setup();
    const i = fakeInteraction('chat', { commandName: 'ask', options: { question: 'Who are the guarantor countries?' } });
    await route(i);
    expect(i.calls.map((c) => c.method)).toEqual(['reply']);
    expect(i.calls[0]!.payload.content).toContain('Iran, Turkey');
  });

  it('GIVEN a command that throws before replying THEN replies with an ephemeral apology and logs the error with the interaction id', async () => {
    const { route, lines, errors } = setup([throwing('boom', new Error('kaput'))]);
    const i = fakeInteraction('chat', { commandName: 'boom', id: '777000000000000777' });
    await route(i);
    expect(i.calls).toEqual([
      { method: 'reply', payload: expect.objectContaining({ content: APOLOGY, allowedMentions: { parse: [] } }) },
    ]);
    expect(i.calls[0]!.payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    const logged = lines.find((l) => l['level'] === 50);
    expect(logged).toMatchObject({ interactionId: '777000000000000777', command: 'boom', err: { message: 'kaput' } });
    expect(errors).toEqual([{ err: expect.any(Error), where: 'interaction:/boom' }]);
  });

  it('GIVEN a command that throws after replying THEN the apology is an ephemeral follow-up', async () => {
    const { route } = setup([throwing('late', new Error('after'), (i) => i.reply({ content: 'partial' }))]);
    const i = fakeInteraction('chat', { commandName: 'late' });
    await route(i);
    expect(i.calls.map((c) => c.method)).toEqual(['reply', 'followUp']);
    expect(i.calls[1]!.payload).toMatchObject({ content: APOLOGY, allowedMentions: { parse: [] } });
    expect(i.calls[1]!.payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('GIVEN a deferred interaction that fails THEN the apology is a follow-up', async () => {
    const { route } = setup([throwing('deferred', new Error('x'))]);
    const i = fakeInteraction('chat', { commandName: 'deferred', deferred: true });
    await route(i);
    expect(i.calls.map((c) => c.method)).toEqual(['followUp']);
  });

  it("GIVEN a user's mistake THEN shows its message privately and logs no error", async () => {
    const { route, lines, errors } = setup([throwing('oops', new UserError('There is no sentence 99.'))]);
    const i = fakeInteraction('chat', { commandName: 'oops' });
    await route(i);
    expect(i.calls[0]!.payload.content).toBe('There is no sentence 99.');
    expect(i.calls[0]!.payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(lines.filter((l) => Number(l['level']) >= 40)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('GIVEN an unknown command THEN a friendly private message', async () => {
    const { route } = setup();
    const i = fakeInteraction('chat', { commandName: 'removed' });
    await route(i);
    expect(i.calls[0]!.payload.content).toContain('/removed');
    expect(i.calls[0]!.payload.content).toContain('/help');
  });

  it.each([
    ['garbage', INVALID_COMPONENT],
    ['v1:qa:ctx:abc', INVALID_COMPONENT],
    ['v1:zz:top', INVALID_COMPONENT],
    ['v0:qa:ctx:4', OUTDATED_COMPONENT],
  ])('GIVEN a button with custom_id %j THEN a friendly ephemeral no-op, not an error', async (customId, message) => {
    const { route, lines } = setup();
    const i = fakeInteraction('button', { customId });
    await route(i);
    expect(i.calls).toHaveLength(1);
    expect(i.calls[0]!.payload.content).toBe(message);
    expect(i.calls[0]!.payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(lines.filter((l) => Number(l['level']) >= 50)).toEqual([]);
  });

  it('GIVEN valid components THEN routes them by namespace', async () => {
    const { route } = setup();
    const ctx = fakeInteraction('button', { customId: 'v1:qa:ctx:3' });
    await route(ctx);
    expect(ctx.calls[0]!.payload.content).toContain('**3.**');
    const topic = fakeInteraction('select', { customId: 'v1:topics:pick', values: ['zones'] });
    await route(topic);
    expect(topic.calls[0]!.method).toBe('update');
    const page = fakeInteraction('button', { customId: 'v1:src:page:1' });
    await route(page);
    expect(page.calls[0]!.method).toBe('update');
  });

  it.each([
    ['a message without that control', { id: '1', author: { id: BOT_ID }, components: [{ components: [{ customId: 'v1:qa:ctx:2' }] }] }],
    ["someone else's message", { id: '1', author: { id: '999' }, components: [{ components: [{ customId: 'v1:src:page:2' }] }] }],
  ])('GIVEN a src:page button on %s THEN nothing is updated and the clicker is told privately', async (_what, message) => {
    const { route, lines } = setup();
    const forged = fakeInteraction('button', { customId: 'v1:src:page:2', message });
    await route(forged);
    expect(forged.calls.map((c) => c.method)).toEqual(['reply']);
    expect(forged.calls[0]!.payload.content).toBe(FOREIGN_COMPONENT);
    expect(forged.calls[0]!.payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(lines.filter((l) => Number(l['level']) >= 40)).toEqual([]);
  });

  it('GIVEN "already acknowledged" on our reply THEN it counts as delivered: no warning, no apology', async () => {
    const { route, lines } = setup([throwing('resent', apiError(RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged))]);
    const i = fakeInteraction('chat', { commandName: 'resent' });
    await route(i);
    expect(i.calls).toEqual([]);
    expect(lines.filter((l) => Number(l['level']) >= 40)).toEqual([]);
    expect(lines.some((l) => l['msg'] === 'interaction expired before we answered')).toBe(false);
  });

  it('GIVEN the reply itself fails THEN the router still resolves and logs', async () => {
    const { route, lines } = setup([throwing('boom', new Error('x'))]);
    const i = fakeInteraction('chat', { commandName: 'boom', failing: { reply: new Error('network down') } });
    await expect(route(i)).resolves.toBeUndefined();
    expect(lines.some((l) => l['msg'] === 'could not tell the user')).toBe(true);
  });

  it('GIVEN the interaction expired THEN no apology is attempted and a warning is logged', async () => {
    const { route, lines } = setup([throwing('slow', apiError(RESTJSONErrorCodes.UnknownInteraction))]);
    const i = fakeInteraction('chat', { commandName: 'slow' });
    await route(i);
    expect(i.calls).toHaveLength(0);
    expect(lines.some((l) => l['level'] === 40 && l['msg'] === 'interaction expired before we answered')).toBe(true);
  });

  it('GIVEN autocomplete for an unknown command or a failing handler THEN responds with no choices', async () => {
    const failing: Command = {
      data: { name: 'ac', toJSON: () => ({ name: 'ac', description: 'x' }) },
      execute: async () => undefined,
      autocomplete: async () => {
        throw new Error('suggest broke');
      },
    };
    const { route, lines } = setup([failing]);
    const unknown = fakeInteraction('autocomplete', { commandName: 'nope' });
    await route(unknown);
    expect(unknown.calls).toEqual([{ method: 'respond', payload: [] }]);
    const broken = fakeInteraction('autocomplete', { commandName: 'ac' });
    await route(broken);
    expect(broken.calls).toEqual([{ method: 'respond', payload: [] }]);
    expect(lines.some((l) => l['level'] === 50 && l['interactionId'] === broken.id)).toBe(true);
  });
});
