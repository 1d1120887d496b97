// Slash commands, autocomplete, buttons and select menus, through the real discord.js client:
// every assertion is on what reached the emulator (what a Discord user would see).

import { describe, expect, it } from 'vitest';
import { FEEDBACK_ALREADY, FEEDBACK_CHANGED } from '../../src/bot/feedback.js';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { buildReport } from '../../src/ops/report.js';
import type { JsonObject, MessageJson } from './emulator/index.js';
import {
  ask,
  type LogCapture,
  componentsOf,
  customIdsOf,
  EPHEMERAL,
  interact,
  quotesOf,
  unescapeDiscord,
  useBotSuite,
} from './helpers/harness.js';

const knowledge = loadKnowledge();
const sentence = (n: number): string => {
  const s = knowledge.article.sentences.find((x) => x.n === n);
  if (!s) throw new Error(`no sentence ${n}`);
  return s.text;
};

function only(messages: MessageJson[]): MessageJson {
  expect(messages).toHaveLength(1);
  return messages[0] as MessageJson;
}

/** `> **n.** text` lines (context and /source sentence views), unescaped; `highlight` for `__text__`. */
function numberedLines(content: string): { n: number; text: string; highlight: boolean }[] {
  const out: { n: number; text: string; highlight: boolean }[] = [];
  for (const line of content.split('\n')) {
    const m = /^(?:> )?\*\*(\d+)\.\*\* (.*)$/.exec(line);
    if (!m) continue;
    const raw = m[2] as string;
    const highlight = raw.startsWith('__') && raw.endsWith('__');
    out.push({ n: Number(m[1]), text: unescapeDiscord(highlight ? raw.slice(2, -2) : raw), highlight });
  }
  return out;
}

function selectOptions(message: MessageJson, customId: string): JsonObject[] {
  const menu = componentsOf(message).find((c) => c['custom_id'] === customId);
  expect(menu, `select ${customId}`).toBeDefined();
  return (menu?.['options'] as JsonObject[] | undefined) ?? [];
}

function votesOf(logs: LogCapture, since: number) {
  return logs.find((l) => l['event'] === 'feedback', since);
}

describe('slash commands', () => {
  const s = useBotSuite();

  describe('/ask', () => {
    it('answers "Who are the guarantor countries?" publicly, the question first, quoting sentence 2 word for word', async () => {
      const r = await ask(s.emu, 'Who are the guarantor countries?');
      expect(r.callbackType).toBe(4);
      expect(r.callbacks).toHaveLength(1);
      expect(r.ephemeral).toBe(false);
      const message = only(r.messages);
      const expected = knowledge.engine.answer('Who are the guarantor countries?');
      expect(expected).toMatchObject({ answered: true, factId: 'guarantors' });
      const [question, first] = message.content.split('\n');
      // Channel readers see what was asked: the question, escaped and bidi-isolated, on the first line.
      expect(unescapeDiscord(question ?? '')).toBe('**Q:** Who are the guarantor countries?');
      expect(unescapeDiscord(first ?? '')).toBe(expected.answer);
      expect(unescapeDiscord(first ?? '')).toMatch(/Iran, Turkey and the Russian Federation/);
      // The EXACT article sentence, not a paraphrase.
      expect(quotesOf(message.content)).toEqual([{ sentence: 2, text: sentence(2) }]);
      expect(customIdsOf(message)).toEqual(expect.arrayContaining(['v1:qa:ctx:2', 'v1:qa:rel:guarantors']));
      expect(message.content.length).toBeLessThanOrEqual(2000);
    });

    it('private:true sets the ephemeral flag (64); private:false does not', async () => {
      const hidden = await ask(s.emu, 'Where are the peace talks held?', { private: true });
      expect(hidden.callbacks[0]?.data).toMatchObject({ flags: expect.any(Number) });
      expect(Number((hidden.callbacks[0]?.data as JsonObject)['flags']) & EPHEMERAL).toBe(EPHEMERAL);
      expect(hidden.ephemeral).toBe(true);
      expect(quotesOf(only(hidden.messages).content).map((q) => q.sentence)).toContain(2);

      const shown = await ask(s.emu, 'Where are the peace talks held?', { private: false });
      expect(Number((shown.callbacks[0]?.data as JsonObject)['flags'] ?? 0) & EPHEMERAL).toBe(0);
      expect(shown.ephemeral).toBe(false);
    });

    it('says the article does not say, echoing the question escaped, and its suggestion buttons answer', async () => {
      const r = await ask(s.emu, 'What is the capital of France?');
      const message = only(r.messages);
      expect(message.content).toMatch(/^The article doesn't say\./);
      expect(message.content).toContain('What is the capital of France?');
      expect(quotesOf(message.content)).toEqual([]);
      const suggestion = customIdsOf(message).find((id) => id.startsWith('v1:qa:fact:'));
      expect(suggestion).toBeDefined();
      const factId = (suggestion as string).slice('v1:qa:fact:'.length);
      const click = await interact(s.emu, s.emu.button(message, suggestion as string));
      expect(click.ephemeral).toBe(true);
      const answer = only(click.messages);
      const fact = knowledge.fact(factId);
      expect(unescapeDiscord(answer.content.split('\n')[0] ?? '')).toBe(fact?.answer);
      for (const q of quotesOf(answer.content)) expect(q.text).toBe(sentence(q.sentence));
    });

    it('@everyone, @here, role and user mentions in the question ping nobody; the echo is escaped', async () => {
      const roleId = s.emu.guild.roles[0]?.id as string;
      const question = `@everyone @here <@&${roleId}> <@${s.emu.otherUser.id}> what is the capital of France?`;
      const r = await ask(s.emu, question);
      const data = r.callbacks[0]?.data as JsonObject;
      expect(data['allowed_mentions']).toEqual({ parse: [] });
      const content = String(data['content']);
      expect(content).not.toMatch(/(?<!\\)@everyone|(?<!\\)@here|<@&|<@\d/);
      expect(unescapeDiscord(content)).toContain(question);
      const stored = only(r.messages);
      expect([stored.mention_everyone, stored.mentions, stored.mention_roles]).toEqual([false, [], []]);
    });

    it('works in the bot’s DMs too', async () => {
      const r = await ask(s.emu, 'Who are the guarantor countries?', { channelId: s.emu.channels.dm });
      expect(r.interaction.guild_id).toBeUndefined();
      const message = only(r.messages);
      expect(message.channel_id).toBe(s.emu.channels.dm);
      expect(quotesOf(message.content)).toEqual([{ sentence: 2, text: sentence(2) }]);
    });

    it('a whitespace-only question gets a friendly private hint', async () => {
      const r = await ask(s.emu, '   ');
      expect(r.ephemeral).toBe(true);
      expect(only(r.messages).content).toMatch(/Please type a question/);
    });
  });

  describe('autocomplete', () => {
    it('offers at most 25 choices of at most 100 characters, all about what was typed ("idlib")', async () => {
      const r = await interact(s.emu, s.emu.autocomplete('ask', { question: 'idlib' }, 'question'));
      expect(r.callbackType).toBe(8);
      const choices = r.choices ?? [];
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      for (const c of choices) {
        const name = String(c['name']);
        const value = String(c['value']);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(100);
        expect(value.length).toBeLessThanOrEqual(100);
        // Relevant: it names Idlib, or it is a curated question of a fact about Idlib.
        const fact = knowledge.facts.find((f) => f.questions.includes(value));
        const aboutIdlib =
          /idlib/i.test(name) ||
          fact?.topic === 'idlib' ||
          /idlib/i.test(fact?.answer ?? '') ||
          (fact?.sentences ?? []).some((n) => /idlib/i.test(sentence(n)));
        expect(aboutIdlib, `choice "${name}" is about Idlib`).toBe(true);
      }
      expect(new Set(choices.map((c) => c['value'])).size).toBe(choices.length);
    });

    it('an empty or garbage prefix still gets a valid (possibly empty) list', async () => {
      for (const typed of ['', 'zzzzqqq', '@everyone <@&1>']) {
        const r = await interact(s.emu, s.emu.autocomplete('ask', { question: typed }, 'question'));
        expect(r.callbackType).toBe(8);
        expect((r.choices ?? []).length).toBeLessThanOrEqual(25);
      }
    });
  });

  describe('buttons and menus', () => {
    it('Context shows the quoted sentence with its neighbours, privately', async () => {
      const answer = only((await ask(s.emu, 'Who are the guarantor countries?')).messages);
      const r = await interact(s.emu, s.emu.button(answer, 'v1:qa:ctx:2'));
      expect(r.callbackType).toBe(4);
      expect(r.ephemeral).toBe(true);
      const lines = numberedLines(only(r.messages).content);
      expect(lines.map((l) => l.n)).toEqual([1, 2, 3, 4]);
      for (const l of lines) expect(l.text).toBe(sentence(l.n));
      expect(lines.filter((l) => l.highlight).map((l) => l.n)).toEqual([2]);
    });

    it('Related offers the related facts in a menu, and picking one answers it', async () => {
      const answer = only((await ask(s.emu, 'Who are the guarantor countries?')).messages);
      // The button carries only the fact id, so the menu lists that fact's related facts.
      const related = knowledge.engine.answerFact('guarantors')?.related ?? [];
      expect(related.length).toBeGreaterThan(0);

      const r = await interact(s.emu, s.emu.button(answer, 'v1:qa:rel:guarantors'));
      expect(r.ephemeral).toBe(true);
      const menuMessage = only(r.messages);
      expect(menuMessage.content).toMatch(/Related facts/);
      const options = selectOptions(menuMessage, 'v1:qa:pick');
      expect(options.map((o) => o['value'])).toEqual(related.map((f) => f.id));

      const pick = related[0];
      if (!pick) throw new Error('no related fact');
      const picked = await interact(s.emu, s.emu.select(menuMessage, 'v1:qa:pick', [pick.id]));
      expect(picked.callbackType).toBe(4);
      expect(picked.ephemeral).toBe(true);
      const content = only(picked.messages).content;
      expect(unescapeDiscord(content.split('\n')[0] ?? '')).toBe(pick.answer);
      const quotes = quotesOf(content);
      expect(quotes.length).toBeGreaterThan(0);
      for (const q of quotes) expect(q.text).toBe(sentence(q.sentence));
      expect(quotes.map((q) => q.sentence)).toEqual(expect.arrayContaining([...(knowledge.fact(pick.id)?.sentences.slice(0, 1) ?? [])]));
    });

    it('/topics lists the topics; picking one shows its facts; picking a fact answers it', async () => {
      const list = await interact(s.emu, s.emu.chatInput('topics'));
      expect(list.ephemeral).toBe(true);
      const listMessage = only(list.messages);
      expect(selectOptions(listMessage, 'v1:topics:pick').map((o) => o['value'])).toEqual(knowledge.topics.map((t) => t.id));

      const topic = await interact(s.emu, s.emu.select(listMessage, 'v1:topics:pick', ['idlib']));
      expect(topic.callbackType).toBe(7); // the menu's message is updated in place
      const updated = s.emu.world.messages.get(listMessage.id) as MessageJson;
      const facts = knowledge.factsInTopic('idlib');
      expect(updated.content).toMatch(/^\*\*Idlib\*\*/);
      for (const f of facts) expect(unescapeDiscord(updated.content)).toContain(f.answer);
      const factOptions = selectOptions(updated, 'v1:qa:pick');
      expect(factOptions.map((o) => o['value'])).toEqual(facts.map((f) => f.id));
      expect(selectOptions(updated, 'v1:topics:pick').find((o) => o['default'] === true)?.['value']).toBe('idlib');

      const factId = facts[0]?.id as string;
      const answer = await interact(s.emu, s.emu.select(updated, 'v1:qa:pick', [factId]));
      expect(answer.ephemeral).toBe(true);
      const content = only(answer.messages).content;
      expect(unescapeDiscord(content.split('\n')[0] ?? '')).toBe(knowledge.fact(factId)?.answer);
      for (const q of quotesOf(content)) expect(q.text).toBe(sentence(q.sentence));
    });

    it('every topic and every fact, reached through the menus, renders within limits and quotes verbatim', async () => {
      const list = only((await interact(s.emu, s.emu.chatInput('topics'))).messages);
      let facts = 0;
      for (const topic of knowledge.topics) {
        await interact(s.emu, s.emu.select(s.emu.world.messages.get(list.id) as MessageJson, 'v1:topics:pick', [topic.id]));
        const view = s.emu.world.messages.get(list.id) as MessageJson;
        const offered = selectOptions(view, 'v1:qa:pick').map((o) => String(o['value']));
        expect(offered).toEqual(knowledge.factsInTopic(topic.id).map((f) => f.id).slice(0, 25));
        for (const factId of offered) {
          const answer = only((await interact(s.emu, s.emu.select(view, 'v1:qa:pick', [factId]))).messages);
          const fact = knowledge.fact(factId);
          expect(unescapeDiscord(answer.content.split('\n')[0] ?? ''), factId).toBe(fact?.answer);
          const quotes = quotesOf(answer.content);
          expect(quotes.length, `${factId} quotes`).toBeGreaterThan(0);
          for (const q of quotes) expect(q.text, `${factId} sentence ${q.sentence}`).toBe(sentence(q.sentence));
          expect(quotes.map((q) => q.sentence).every((n) => fact?.sentences.includes(n))).toBe(true);
          // Its Context and Related buttons work too.
          const ctxId = customIdsOf(answer).find((id) => id.startsWith('v1:qa:ctx:'));
          expect(ctxId, `${factId} has a Context button`).toBeDefined();
          const context = numberedLines(only((await interact(s.emu, s.emu.button(answer, ctxId as string))).messages).content);
          for (const l of context) expect(l.text).toBe(sentence(l.n));
          expect(context.filter((l) => l.highlight).map((l) => l.n)).toEqual([...new Set(quotes.map((q) => q.sentence))].sort((a, b) => a - b));
          const relId = customIdsOf(answer).find((id) => id.startsWith('v1:qa:rel:'));
          if (relId) {
            const related = only((await interact(s.emu, s.emu.button(answer, relId))).messages);
            expect(selectOptions(related, 'v1:qa:pick').length).toBeGreaterThan(0);
          }
          facts++;
        }
      }
      expect(facts).toBe(knowledge.facts.length);
    });

    it('/source sentence:n shows every sentence of the article verbatim', async () => {
      for (const { n, text } of knowledge.article.sentences) {
        const lines = numberedLines(only((await interact(s.emu, s.emu.chatInput('source', { sentence: n }))).messages).content);
        expect(lines.find((l) => l.highlight)).toEqual({ n, text, highlight: true });
      }
    });

    it('/source pages through the whole article with Next and Prev', async () => {
      const first = await interact(s.emu, s.emu.chatInput('source'));
      expect(first.ephemeral).toBe(true);
      const message = only(first.messages);
      const pages: string[] = [message.content];
      const buttons = () => componentsOf(s.emu.world.messages.get(message.id) as MessageJson);
      expect(buttons().map((b) => [b['label'], b['disabled'] === true])).toEqual([
        ['◀ Prev', true],
        ['Next ▶', false],
      ]);
      const total = Number(/page 1\/(\d+)/.exec(message.content)?.[1]);
      expect(total).toBeGreaterThan(1);
      for (let page = 2; page <= total; page++) {
        const next = await interact(s.emu, s.emu.button(s.emu.world.messages.get(message.id) as MessageJson, `v1:src:page:${page}`));
        expect(next.callbackType).toBe(7);
        const content = (s.emu.world.messages.get(message.id) as MessageJson).content;
        expect(content).toContain(`page ${page}/${total}`);
        pages.push(content);
      }
      expect(buttons().find((b) => b['label'] === 'Next ▶')?.['disabled']).toBe(true);
      // Every sentence of the article appears, verbatim and in order, across the pages.
      const numbered = pages.flatMap((p) => numberedLines(p));
      expect(numbered.map((l) => l.n)).toEqual(knowledge.article.sentences.map((x) => x.n));
      for (const l of numbered) expect(l.text).toBe(sentence(l.n));

      const back = await interact(s.emu, s.emu.button(s.emu.world.messages.get(message.id) as MessageJson, `v1:src:page:${total - 1}`));
      expect(back.callbackType).toBe(7);
      expect((s.emu.world.messages.get(message.id) as MessageJson).content).toContain(`page ${total - 1}/${total}`);
    });

    it('/source sentence:6 shows that sentence (highlighted) with its neighbours, privately like /source', async () => {
      const r = await interact(s.emu, s.emu.chatInput('source', { sentence: 6 }));
      expect(r.ephemeral).toBe(true);
      const lines = numberedLines(only(r.messages).content);
      expect(lines.map((l) => l.n)).toEqual([4, 5, 6, 7, 8]);
      for (const l of lines) expect(l.text).toBe(sentence(l.n));
      expect(lines.filter((l) => l.highlight).map((l) => l.n)).toEqual([6]);
    });

    it('/source sentence:99 gets a friendly private message', async () => {
      const r = await interact(s.emu, s.emu.chatInput('source', { sentence: 99 }));
      expect(r.callbackType).toBe(4);
      expect(r.ephemeral).toBe(true);
      const total = knowledge.article.sentences.length;
      expect(only(r.messages).content).toBe(
        `There is no sentence 99: the article has ${total} sentences, numbered 1 to ${total}. Use /source without a number to read them all.`,
      );
    });

    it('/help answers privately', async () => {
      const r = await interact(s.emu, s.emu.chatInput('help'));
      expect(r.ephemeral).toBe(true);
      expect(only(r.messages).content).toMatch(/I answer questions about \*\*one news article\*\*/);
    });

    it('👍/👎 feedback: a private thanks, the last click counts, one pseudonymous log line per vote', async () => {
      const answer = only((await ask(s.emu, 'Who are the guarantor countries?')).messages);
      const up = customIdsOf(answer).find((id) => id.startsWith('v1:fb:up:'));
      const down = customIdsOf(answer).find((id) => id.startsWith('v1:fb:down:'));
      expect([up, down]).toEqual(['v1:fb:up:guarantors', 'v1:fb:down:guarantors']);

      const first = await interact(s.emu, s.emu.button(answer, up as string));
      expect(first.ephemeral).toBe(true);
      expect(only(first.messages).content).toBe('Thanks — noted.');
      // A misclick can be fixed: 👎 after 👍 replaces the vote.
      const changed = await interact(s.emu, s.emu.button(answer, down as string));
      expect(only(changed.messages).content).toBe(FEEDBACK_CHANGED);
      const again = await interact(s.emu, s.emu.button(answer, down as string));
      expect(only(again.messages).content).toBe(FEEDBACK_ALREADY);
      const other = await interact(s.emu, s.emu.button(answer, down as string, { user: s.emu.otherUser }));
      expect(only(other.messages).content).toBe('Thanks — noted.');

      // The bot logs after Discord accepted its reply, so the last line may still be on its way.
      await s.logs.waitFor((l) => l['event'] === 'feedback' && votesOf(s.logs, s.logSince).length >= 3, { since: s.logSince });
      const votes = votesOf(s.logs, s.logSince);
      expect(votes.map((l) => [l['factId'], l['vote']])).toEqual([
        ['guarantors', 'up'],
        ['guarantors', 'down'],
        ['guarantors', 'down'],
      ]);
      // One voter hash per person and fact: the first two lines are one person, the third another.
      expect(votes[0]?.['voter']).toMatch(/^[0-9a-f]{32}$/);
      expect(votes[1]?.['voter']).toBe(votes[0]?.['voter']);
      expect(votes[2]?.['voter']).not.toBe(votes[0]?.['voter']);
      // The report counts the last vote of each person: two 👎, no 👍.
      const report = buildReport(s.logs.lines.slice(s.logSince).map((l) => JSON.stringify(l)));
      expect(report.votes).toEqual({ up: 0, down: 2 });
      // Anonymous: neither who voted nor where.
      const text = JSON.stringify(votes);
      for (const id of [s.emu.user.id, s.emu.otherUser.id, s.emu.guild.id, answer.id]) expect(text).not.toContain(id);
    });

    it('a button from an older version gets a friendly private notice', async () => {
      const answer = only((await ask(s.emu, 'Who are the guarantor countries?')).messages);
      // A message carrying a v0 custom_id, as if sent by an older release of the bot.
      const old: MessageJson = {
        ...answer,
        components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Context', custom_id: 'v0:ctx:2' }] }],
      };
      s.emu.world.messages.set(old.id, old);
      const r = await interact(s.emu, s.emu.button(old, 'v0:ctx:2'));
      expect(r.ephemeral).toBe(true);
      expect(only(r.messages).content).toMatch(/older version/);
    });
  });
});
