import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { CustomId } from '../../src/bot/custom-ids.js';
import { UserError } from '../../src/bot/errors.js';
import { command as source } from '../../src/commands/source.js';
import type { CommandContext, ComponentInteraction } from '../../src/commands/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { Knowledge, Sentence } from '../../src/knowledge/types.js';
import { as, fakeInteraction, memoryLogger } from '../bot/fakes.js';
import { knowledge, makeKnowledge } from '../bot/fixtures.js';
import { buttons, limitProblems, unescapeMarkdown } from '../bot/limits.js';

const context = (k: Knowledge = knowledge): CommandContext => ({ knowledge: k, logger: memoryLogger().logger, hooks: {}, answerChannelIds: [] });
const run = async (options: Record<string, number | null>, k?: Knowledge) => {
  const i = fakeInteraction('chat', { commandName: 'source', options });
  await source.execute(as<ChatInputCommandInteraction>(i), context(k));
  return i;
};

describe('/source', () => {
  it('GIVEN the definition THEN sentence is an optional integer from 1 and document an optional autocompleted string', () => {
    expect(source.data.toJSON().options).toEqual([
      expect.objectContaining({ name: 'sentence', type: 4, min_value: 1 }),
      expect.objectContaining({ name: 'document', type: 3, autocomplete: true }),
    ]);
    expect(source.data.toJSON().options?.some((o) => o.required)).toBe(false);
  });

  it('GIVEN no option THEN privately shows headline, author and numbered sentences', async () => {
    const i = await run({});
    const { method, payload } = i.calls[0]!;
    expect(method).toBe('reply');
    expect(payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(payload.content).toContain('Guarantor countries set up coordination center for safety zones in Syria');
    expect(payload.content).toContain('Vanessa Coleman');
    expect(payload.content).toContain('**5.** The participants agreed');
    expect(limitProblems(payload)).toEqual([]);
  });

  it('GIVEN a sentence number THEN privately shows it with its neighbours, like the paged article', async () => {
    const i = await run({ sentence: 5 });
    const payload = i.calls[0]!.payload;
    expect(payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(payload.content).toContain('**Sentence 5** of 7');
    for (const n of [3, 4, 5, 6, 7]) expect(payload.content).toContain(`**${n}.**`);
    expect(payload.content).not.toContain('**2.**');
  });

  it.each([0, 8, 1000])('GIVEN sentence %i out of range THEN a friendly user mistake naming the range', async (n) => {
    const i = fakeInteraction('chat', { commandName: 'source', options: { sentence: n } });
    const err = await source.execute(as<ChatInputCommandInteraction>(i), context()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain(`no sentence ${n}`);
    expect((err as Error).message).toContain('1 to 7');
    expect(i.calls).toHaveLength(0);
  });

  it('GIVEN a long article THEN Prev/Next buttons page through it by updating the message', async () => {
    const many: Sentence[] = Array.from({ length: 50 }, (_, i) => ({ n: i + 1, text: `Sentence ${i + 1} ${'text '.repeat(40)}`, paragraph: i }));
    const k = makeKnowledge({ article: { ...knowledge.article, sentences: many } });
    const first = await run({}, k);
    const next = buttons(first.calls[0]!.payload).find((b) => b['label'] === 'Next ▶');
    expect(next?.['custom_id']).toBe('v1:src:page:2');
    const page: CustomId = { kind: 'src:page', page: 2 };
    const click = fakeInteraction('button', { customId: 'v1:src:page:2' });
    await source.components.handle(as<ComponentInteraction>(click), page, context(k));
    const { method, payload } = click.calls[0]!;
    expect(method).toBe('update');
    expect(payload.content).toMatch(/page 2\/\d+/);
    expect(limitProblems(payload)).toEqual([]);
  });

  it('GIVEN the real article THEN every sentence can be shown verbatim', async () => {
    const real = loadKnowledge();
    for (const s of real.article.sentences) {
      const i = await run({ sentence: s.n }, real);
      expect(unescapeMarkdown(i.calls[0]!.payload.content)).toContain(s.text);
    }
    const err = await run({ sentence: real.article.sentences.length + 1 }, real).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
  });
});
