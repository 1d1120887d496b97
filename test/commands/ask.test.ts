import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeCustomId, type CustomId } from '../../src/bot/custom-ids.js';
import { UserError } from '../../src/bot/errors.js';
import type { AnswerVia } from '../../src/bot/hooks.js';
import { command as ask, questionChoices } from '../../src/commands/ask.js';
import type { CommandContext, ComponentInteraction } from '../../src/commands/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import type { Answer, Knowledge } from '../../src/knowledge/types.js';
import { fakeInteraction, as, memoryLogger } from '../bot/fakes.js';
import { knowledge, makeKnowledge, sentences } from '../bot/fixtures.js';
import { limitProblems, selectOptions, unescapeMarkdown } from '../bot/limits.js';
import { isVerbatim } from '../helpers/sources.js';

function context(k: Knowledge = knowledge) {
  const answered: Array<{ answer: Answer; ms: number; via: AnswerVia }> = [];
  const { logger, lines } = memoryLogger();
  const ctx: CommandContext = {
    knowledge: k,
    logger,
    hooks: { answered: (answer, ms, via) => answered.push({ answer, ms, via }) },
    answerChannelIds: [],
  };
  return { ctx, answered, lines };
}

const chat = (options: Record<string, string | boolean | null>) => fakeInteraction('chat', { commandName: 'ask', options });
const run = (i: ReturnType<typeof chat>, ctx: CommandContext) => ask.execute(as<ChatInputCommandInteraction>(i), ctx);
const click = (kind: 'button' | 'select', _id: CustomId, values: string[] = []) => fakeInteraction(kind, { values });
const handle = (i: ReturnType<typeof click>, id: CustomId, ctx: CommandContext) =>
  ask.components.handle(as<ComponentInteraction>(i), id, ctx);

describe('/ask definition', () => {
  it('GIVEN the builder THEN question is required, autocompleted, at most 300 characters, and private is optional', () => {
    const json = ask.data.toJSON();
    expect(json.name).toBe('ask');
    expect(json.description.length).toBeLessThanOrEqual(100);
    expect(json.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, autocomplete: true, max_length: 300 }),
      expect.objectContaining({ name: 'private', type: 5 }),
    ]);
    expect(json.options?.[1]).not.toHaveProperty('required', true);
  });
});

describe('/ask execute', () => {
  it('GIVEN a question THEN replies publicly with the answer and quote, and reports it to the hook', async () => {
    const { ctx, answered } = context();
    const i = chat({ question: 'Who are the guarantor countries?' });
    await run(i, ctx);
    expect(i.calls).toHaveLength(1);
    const { method, payload } = i.calls[0]!;
    expect(method).toBe('reply');
    expect(payload.flags).toBe(MessageFlags.SuppressEmbeds);
    expect(payload.allowedMentions).toEqual({ parse: [] });
    expect(payload.content).toContain('Iran, Turkey and the Russian Federation.');
    expect(payload.content).toContain(`> “${sentences[1]!.text}” — sentence 2`);
    expect(limitProblems(payload)).toEqual([]);
    expect(answered).toHaveLength(1);
    expect(answered[0]).toMatchObject({ via: 'slash', answer: { factId: 'guarantors' } });
    expect(answered[0]!.ms).toBeGreaterThanOrEqual(0);
  });

  it('GIVEN private:true THEN the reply is ephemeral', async () => {
    const { ctx } = context();
    const i = chat({ question: 'Who are the guarantor countries?', private: true });
    await run(i, ctx);
    expect(i.calls[0]!.payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
  });

  it('GIVEN a blank question THEN it is a user mistake, not a reply', async () => {
    const { ctx, answered } = context();
    const i = chat({ question: '   \u202E  ' });
    await expect(run(i, ctx)).rejects.toBeInstanceOf(UserError);
    expect(i.calls).toHaveLength(0);
    expect(answered).toHaveLength(0);
  });

  it('GIVEN a question the article cannot answer THEN replies that the article does not say, with suggestions', async () => {
    const { ctx } = context();
    const i = chat({ question: 'What is the capital of <@&123456789012345678>?' });
    await run(i, ctx);
    const payload = i.calls[0]!.payload;
    expect(payload.content).toContain("The article doesn't say.");
    expect(payload.content).not.toMatch(/<@&\d+>/);
    expect(payload.components[0].components.length).toBeLessThanOrEqual(3);
  });

  it('GIVEN a hook that throws THEN the user still got the answer', async () => {
    const { ctx } = context();
    const i = chat({ question: 'Who are the guarantor countries?' });
    await run(i, { ...ctx, hooks: { answered: () => { throw new Error('metrics down'); } } });
    expect(i.calls[0]!.method).toBe('reply');
  });
});

describe('/ask autocomplete', () => {
  it('GIVEN typed text THEN offers the engine suggestions', async () => {
    const { ctx } = context();
    const i = fakeInteraction('autocomplete', { focused: { name: 'question', value: 'zones' } });
    await ask.autocomplete(as<AutocompleteInteraction>(i), ctx);
    expect(i.calls).toEqual([{ method: 'respond', payload: [{ name: 'How long will the zones last?', value: 'How long will the zones last?' }] }]);
  });

  it('GIVEN many long or duplicate suggestions THEN at most 25 unique choices of at most 100 characters', () => {
    const many = [...Array.from({ length: 40 }, (_, i) => `Question ${i} ${'padding '.repeat(30)}?`), 'Same?', 'Same?', '  '];
    const choices = questionChoices(many);
    expect(choices.length).toBe(25);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
      expect(c.name.length).toBeGreaterThan(0);
    }
    expect(new Set(choices.map((c) => c.value)).size).toBe(25);
    expect(questionChoices(['Same?', 'Same?', ''])).toEqual([{ name: 'Same?', value: 'Same?' }]);
  });

  it('GIVEN the engine throws THEN responds with no choices and logs, never throwing', async () => {
    const broken = makeKnowledge({
      engine: { ...knowledge.engine, suggest: () => { throw new Error('index broken'); } },
    });
    const { ctx, lines } = context(broken);
    const i = fakeInteraction('autocomplete', { focused: { name: 'question', value: 'x' } });
    await ask.autocomplete(as<AutocompleteInteraction>(i), ctx);
    expect(i.calls).toEqual([{ method: 'respond', payload: [] }]);
    expect(lines.some((l) => l['level'] === 50 && l['interactionId'] === i.id)).toBe(true);
  });
});

describe('/ask components', () => {
  it('GIVEN the Context button THEN replies ephemerally with the sentence and its neighbours', async () => {
    const { ctx } = context();
    const id: CustomId = { kind: 'qa:ctx', sentences: [3] };
    const i = click('button', id);
    await handle(i, id, ctx);
    const { method, payload } = i.calls[0]!;
    expect(method).toBe('reply');
    expect(payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    for (const n of [1, 2, 3, 4, 5]) expect(payload.content).toContain(`**${n}.**`);
    expect(limitProblems(payload)).toEqual([]);
  });

  it('GIVEN the Related button THEN replies ephemerally with a select menu of related facts', async () => {
    const { ctx } = context();
    const id: CustomId = { kind: 'qa:rel', factId: 'guarantors' };
    const i = click('button', id);
    await handle(i, id, ctx);
    const payload = i.calls[0]!.payload;
    expect(payload.flags & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
    expect(selectOptions(payload).map((o) => o['value'])).toEqual(['zones-duration', 'markdown', 'next-round']);
    expect(decodeCustomId(payload.components[0].components[0].custom_id)).toMatchObject({ ok: true, id: { kind: 'qa:pick' } });
  });

  it('GIVEN a fact button or a pick from the menu THEN replies ephemerally with that fact, reported as a component answer', async () => {
    const { ctx, answered } = context();
    const factId: CustomId = { kind: 'qa:fact', factId: 'next-round' };
    const b = click('button', factId);
    await handle(b, factId, ctx);
    expect(b.calls[0]!.payload.content).toContain('In October, in Astana.');

    const pick: CustomId = { kind: 'qa:pick' };
    const s = click('select', pick, ['zones-duration']);
    await handle(s, pick, ctx);
    expect(s.calls[0]!.payload.content).toContain('Six months.');
    expect(answered.map((a) => a.via)).toEqual(['component', 'component']);
  });

  it('GIVEN an unknown fact id or an empty pick THEN it is a user mistake', async () => {
    const { ctx } = context();
    const gone: CustomId = { kind: 'qa:fact', factId: 'gone' };
    await expect(handle(click('button', gone), gone, ctx)).rejects.toBeInstanceOf(UserError);
    const rel: CustomId = { kind: 'qa:rel', factId: 'gone' };
    await expect(handle(click('button', rel), rel, ctx)).rejects.toBeInstanceOf(UserError);
    const pick: CustomId = { kind: 'qa:pick' };
    await expect(handle(click('button', pick), pick, ctx)).rejects.toBeInstanceOf(UserError);
  });
});

describe('/ask with the real fact base', () => {
  const real = loadKnowledge();

  it.each(['Who are the guarantor countries?', 'How long will the de-escalation zones be in force?', 'Where are the talks held?'])(
    'GIVEN %j THEN the reply quotes the article verbatim',
    async (question) => {
      const { ctx } = context(real);
      const i = chat({ question });
      await run(i, ctx);
      const payload = i.calls[0]!.payload;
      const answer = real.engine.answer(question);
      expect(answer.answered).toBe(true);
      for (const q of answer.quotes.slice(0, 1)) {
        expect(unescapeMarkdown(payload.content)).toContain(`“${q.text}” — sentence ${q.sentence}`);
        expect(isVerbatim(answer.document, q.text), q.text).toBe(true);
      }
      expect(limitProblems(payload)).toEqual([]);
    },
  );

  it('GIVEN real autocomplete THEN choices are valid', async () => {
    const { ctx } = context(real);
    const i = fakeInteraction('autocomplete', { focused: { name: 'question', value: 'zone' } });
    await ask.autocomplete(as<AutocompleteInteraction>(i), ctx);
    const choices = i.calls[0]!.payload as Array<{ name: string; value: string }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const c of choices) expect(c.value.length).toBeLessThanOrEqual(100);
  });
});
