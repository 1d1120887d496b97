// Faults: a handler that throws, a gateway socket dropped mid-stream, REST 429s with Retry-After,
// persistent 5xx. The bot must apologise privately for its own bugs, resume without losing or
// duplicating anything, retry rate limits, log what it could not deliver, and keep serving.

import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { withEngine } from '../helpers/knowledge.js';
import type { AnswerEngine, Knowledge } from '../../src/knowledge/index.js';
import { ROUTES } from './emulator/index.js';
import type { JsonObject, RecordedRequest } from './emulator/index.js';
import {
  APOLOGY,
  ask,
  EPHEMERAL,
  expectIgnored,
  interact,
  LEVEL,
  newUser,
  quotesOf,
  replyAttempts,
  sendAndWaitReply,
  useBotSuite,
  waitForReplyTo,
} from './helpers/harness.js';

const real = loadKnowledge();
const GUARANTORS = real.fact('guarantors')?.answer ?? '';

/** The real knowledge, except that the engine throws for questions containing KABOOM. */
function explosiveKnowledge(): Knowledge {
  const engine: AnswerEngine = {
    answer: (question) => {
      if (question.includes('KABOOM')) throw new Error('engine exploded (injected by the e2e test)');
      return real.engine.answer(question);
    },
    answerFact: (id) => real.engine.answerFact(id),
    suggest: (partial, limit) => {
      if (partial.includes('KABOOM')) throw new Error('suggest exploded (injected by the e2e test)');
      return real.engine.suggest(partial, limit);
    },
  };
  return withEngine(real, engine);
}

const hookErrors: { where: string; message: string }[] = [];

/** Figures measured here, printed once at the end for the report. */
const figures: Record<string, number> = {};

function statuses(requests: RecordedRequest[]): (number | undefined)[] {
  return requests.map((r) => r.status);
}

/** The answer's first line, after the question a public /ask answer repeats first (`**Q:** …`). */
function firstLine(content: unknown): string {
  return String(content ?? '').split('\n').filter((l) => !l.startsWith('**Q:** '))[0] ?? '';
}

describe('faults', () => {
  const s = useBotSuite({
    // Short heartbeats so a silently dead socket would be noticed quickly too.
    emulator: { heartbeatIntervalMs: 1000 },
    bot: {
      knowledge: explosiveKnowledge(),
      hooks: { error: (err, where) => hookErrors.push({ where, message: err instanceof Error ? err.message : String(err) }) },
    },
  });

  describe('a handler that throws', () => {
    it('/ask: a private apology, the error logged with the interaction id, and the next question answered', async () => {
      s.expect.errorLogs();
      s.expect.apology();
      const r = await ask(s.emu, 'KABOOM who are the guarantor countries?');
      expect(r.callbacks).toHaveLength(1);
      expect(r.callbackType).toBe(4);
      expect(r.ephemeral).toBe(true);
      expect(Number((r.callbacks[0]?.data as JsonObject)['flags']) & EPHEMERAL).toBe(EPHEMERAL);
      expect(r.messages.map((m) => m.content)).toEqual([APOLOGY]);

      const logged = s.logs.find((l) => l.level === LEVEL.error && l.msg === 'interaction failed', s.logSince);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ interactionId: r.interaction.id, command: 'ask', err: { message: expect.stringContaining('engine exploded') } });
      expect(hookErrors.at(-1)).toEqual({ where: 'interaction:/ask', message: expect.stringContaining('engine exploded') });

      const next = await ask(s.emu, 'Who are the guarantor countries?');
      expect(firstLine(next.messages[0]?.content)).toBe(GUARANTORS);
    });

    it('@mention: an apology reply, the error logged with the message id, and the next question answered', async () => {
      s.expect.errorLogs();
      s.expect.apology();
      const { message, content } = await sendAndWaitReply(s.emu, { content: 'KABOOM who?', mentionBot: true, author: newUser(s.emu, 'boom') });
      expect(content).toBe(APOLOGY);
      const logged = s.logs.find((l) => l.level === LEVEL.error && l.msg === 'message failed', s.logSince);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ messageId: message.id, trigger: 'mention' });

      const next = await sendAndWaitReply(s.emu, { content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'after') });
      expect(firstLine(next.content)).toBe(GUARANTORS);
    });

    it('a reply that fails at Discord (500s until retries run out) turns into a private apology', async () => {
      s.expect.errorLogs();
      s.expect.apology();
      // discord.js tries a 5xx request 4 times (1 + 3 retries), so the reply fails and the apology goes through.
      const rule = s.emu.failNext(ROUTES.interactionCallback, { status: 500, times: 4 });
      const r = await ask(s.emu, 'Who are the guarantor countries?');
      expect(rule.hits).toBe(4);
      const callbacks = r.requests.filter((q) => q.route === '/interactions/{interaction_id}/{interaction_token}/callback');
      expect(statuses(callbacks)).toEqual([500, 500, 500, 500, 204]);
      expect(r.callbacks).toHaveLength(1);
      expect(r.ephemeral).toBe(true);
      expect(r.messages.map((m) => m.content)).toEqual([APOLOGY]);
      expect(s.logs.find((l) => l.msg === 'interaction failed' && l['interactionId'] === r.interaction.id, s.logSince)).toHaveLength(1);
    });
  });

  describe('Discord refusing or too slow', () => {
    it('autocomplete whose engine throws: an empty list (never "loading options failed"), the error logged', async () => {
      s.expect.errorLogs();
      const r = await interact(s.emu, s.emu.autocomplete('ask', { question: 'KABOOM' }, 'question'));
      expect(r.callbackType).toBe(8);
      expect(r.choices).toEqual([]);
      const logged = s.logs.find((l) => l.level === LEVEL.error && l['interactionId'] === r.interaction.id, s.logSince);
      expect(logged).toHaveLength(1);
      expect(logged[0]?.['err']).toMatchObject({ message: expect.stringContaining('suggest exploded') });
    });

    it('a callback that reaches Discord after the 3 s window: logged as expired (warn), no apology, next one answered', async () => {
      s.expect.protocolErrors(1);
      s.emu.setHandlerDelay(3100, ROUTES.interactionCallback);
      const payload = s.emu.chatInput('ask', { question: 'Who are the guarantor countries?' });
      s.emu.sendInteraction(payload);
      const expired = await s.logs.waitFor((l) => l.msg === 'interaction expired before we answered' && l['interactionId'] === payload.id, {
        since: s.logSince,
      });
      s.emu.setHandlerDelay(0, ROUTES.interactionCallback);
      expect(expired.level).toBe(LEVEL.warn);
      expect(s.emu.protocolErrors.at(-1)).toMatchObject({ code: 10062 });
      // Nothing more is attempted on a dead interaction: exactly one callback request.
      expect(s.emu.responsesFor(payload).requests).toHaveLength(1);
      const next = await ask(s.emu, 'Who are the guarantor countries?');
      expect(firstLine(next.messages[0]?.content)).toBe(GUARANTORS);
    });

    it('a question deleted before the answer: no error, no apology, logged as info', async () => {
      s.expect.protocolErrors(1); // Discord refuses the reply to the deleted message (50035), once
      const message = s.emu.sendMessage({ content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'deleter') });
      s.emu.world.deletedMessageIds.add(message.id); // deleted before the bot's reply reaches Discord
      const gone = await s.logs.waitFor((l) => l.msg === 'the question was deleted before the answer' && l['messageId'] === message.id, {
        since: s.logSince,
      });
      expect(gone.level).toBe(LEVEL.info);
      await expectIgnored(s.emu, s.emu.channels.answers, () => undefined);
      expect(statuses(replyAttempts(s.emu, message, s.since))).toEqual([400]);
      expect(s.emu.protocolErrors.at(-1)).toMatchObject({ code: 50035 });
    });

    it('no permission to post in the channel (50013): logged as a warning, no apology attempted', async () => {
      s.emu.failNext(ROUTES.createMessage, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
      const message = s.emu.sendMessage({ content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'perm') });
      const warned = await s.logs.waitFor((l) => l.msg === 'no permission to reply in this channel' && l['messageId'] === message.id, {
        since: s.logSince,
      });
      expect(warned.level).toBe(LEVEL.warn);
      await expectIgnored(s.emu, s.emu.channels.answers, () => undefined);
      expect(statuses(replyAttempts(s.emu, message, s.since))).toEqual([403]);
    });
  });

  describe('gateway', () => {
    it('resumes after the socket drops; an interaction and a message sent in the gap are answered exactly once', async () => {
      const identifies = s.emu.identifies.length;
      const resumes = s.emu.resumes.length;
      const droppedAt = Date.now();
      expect(s.emu.dropSocket()).toBe(1);

      const payload = s.emu.chatInput('ask', { question: 'Who are the guarantor countries?' });
      s.emu.sendInteraction(payload);
      const message = s.emu.sendMessage({ content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'gap') });
      expect(s.emu.dispatches.slice(-2).map((d) => d.status)).toEqual(['queued', 'queued']);

      const r = await s.emu.waitForResponse(payload);
      const reply = await waitForReplyTo(s.emu, message);
      const resume = s.emu.resumes[resumes];
      expect(resume).toMatchObject({ ok: true, shardId: 0 });
      expect(resume?.replayed).toBeGreaterThanOrEqual(2);
      expect(s.emu.identifies).toHaveLength(identifies); // resumed, not re-identified

      figures['resume delay (drop → RESUME), ms'] = (resume?.at ?? 0) - droppedAt;
      figures['gap interaction answered after, ms'] = (r.callbacks[0]?.at ?? 0) - droppedAt;
      expect(r.callbacks).toHaveLength(1);
      expect(firstLine((r.callbacks[0]?.data as JsonObject)['content'])).toBe(GUARANTORS);
      expect(firstLine((reply.body as JsonObject)['content'])).toBe(GUARANTORS);

      // Exactly once, even after a later event proves the stream is live again.
      const after = await ask(s.emu, 'Where are the peace talks held?');
      expect(after.callbacks).toHaveLength(1);
      expect(s.emu.responsesFor(payload).callbacks).toHaveLength(1);
      expect(replyAttempts(s.emu, message)).toHaveLength(1);
      expect(s.logs.find((l) => l.msg === 'gateway session resumed', s.logSince)).toHaveLength(1);
    });

    it('also resumes after the TCP connection vanishes without a close frame', async () => {
      const resumes = s.emu.resumes.length;
      const droppedAt = Date.now();
      expect(s.emu.dropSocket(0, { terminate: true })).toBe(1);
      const payload = s.emu.chatInput('ask', { question: 'Who are the guarantor countries?' });
      s.emu.sendInteraction(payload);
      const r = await s.emu.waitForResponse(payload);
      expect(s.emu.resumes[resumes]).toMatchObject({ ok: true });
      figures['resume delay after terminate, ms'] = (s.emu.resumes[resumes]?.at ?? 0) - droppedAt;
      expect(r.callbacks).toHaveLength(1);
    });
  });

  describe('REST rate limits (429 with Retry-After)', () => {
    it('on the interaction callback: retried after Retry-After, the answer delivered once', async () => {
      const rule = s.emu.failNext(ROUTES.interactionCallback, { status: 429, retryAfter: 0.3 });
      const r = await ask(s.emu, 'Who are the guarantor countries?');
      expect(rule.hits).toBe(1);
      const attempts = r.requests.filter((q) => q.route === '/interactions/{interaction_id}/{interaction_token}/callback');
      expect(attempts.map((a) => [a.status, a.fault])).toEqual([
        [429, 'rate-limit'],
        [204, undefined],
      ]);
      const delay = (attempts[1]?.receivedAt ?? 0) - (attempts[0]?.respondedAt ?? 0);
      figures['429 retry delay on the callback (Retry-After 300 ms), ms'] = delay;
      expect(delay).toBeGreaterThanOrEqual(300);
      expect(delay).toBeLessThan(1500);
      expect(r.callbacks).toHaveLength(1);
      expect(r.messages).toHaveLength(1);
      expect(firstLine(r.messages[0]?.content)).toBe(GUARANTORS);
    });

    it('on POST /channels/{channel_id}/messages: retried, the reply delivered once', async () => {
      const rule = s.emu.failNext(ROUTES.createMessage, { status: 429, retryAfter: 0.3 });
      const { message, content } = await sendAndWaitReply(s.emu, { content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'rl') });
      expect(rule.hits).toBe(1);
      const attempts = replyAttempts(s.emu, message, s.since);
      expect(attempts.map((a) => [a.status, a.fault])).toEqual([
        [429, 'rate-limit'],
        [200, undefined],
      ]);
      const delay = (attempts[1]?.receivedAt ?? 0) - (attempts[0]?.respondedAt ?? 0);
      figures['429 retry delay on channel messages (Retry-After 300 ms), ms'] = delay;
      expect(delay).toBeGreaterThanOrEqual(300);
      expect(delay).toBeLessThan(1500);
      expect(firstLine(content)).toBe(GUARANTORS);
      const delivered = s.emu.botMessages(s.emu.channels.text).filter((m) => (m.message_reference as JsonObject | undefined)?.['message_id'] === message.id);
      expect(delivered).toHaveLength(1);
    });
  });

  describe('persistent 5xx', () => {
    it('interaction callbacks: retried, then logged; the bot keeps serving', async () => {
      s.expect.errorLogs();
      s.expect.apology(); // attempted (and failed): the answer could not be delivered
      const rule = s.emu.failNext(ROUTES.interactionCallback, { status: 500, times: 10 });
      const payload = s.emu.chatInput('ask', { question: 'Who are the guarantor countries?' });
      s.emu.sendInteraction(payload);
      const gaveUp = await s.logs.waitFor((l) => l.msg === 'could not tell the user' && l['interactionId'] === payload.id, {
        since: s.logSince,
        what: 'the bot giving up on telling the user',
      });
      expect(gaveUp.level).toBe(LEVEL.warn);
      const failed = s.logs.find((l) => l.msg === 'interaction failed' && l['interactionId'] === payload.id, s.logSince);
      expect(failed).toHaveLength(1);
      expect(failed[0]?.level).toBe(LEVEL.error);
      // 4 attempts for the answer, 4 for the apology; nothing reached the user.
      const first = s.emu.responsesFor(payload);
      expect(statuses(first.requests)).toEqual(Array(8).fill(500));
      expect(first.callbacks).toHaveLength(0);
      expect(rule.remaining).toBe(2);

      // The next question meets the last two 500s, and the retries get it through.
      const next = await ask(s.emu, 'Who are the guarantor countries?');
      expect(statuses(next.requests)).toEqual([500, 500, 204]);
      expect(next.callbacks).toHaveLength(1);
      expect(firstLine(next.messages[0]?.content)).toBe(GUARANTORS);
    });

    it('channel messages: retried, then logged; the bot keeps serving', async () => {
      s.expect.errorLogs();
      s.expect.apology(); // attempted (and failed): the answer could not be delivered
      const rule = s.emu.failNext(ROUTES.createMessage, { status: 500, times: 10 });
      const message = s.emu.sendMessage({ content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'e1') });
      await s.logs.waitFor((l) => l.msg === 'could not send the apology' && l['messageId'] === message.id, { since: s.logSince });
      const failed = s.logs.find((l) => l.msg === 'message failed' && l['messageId'] === message.id, s.logSince);
      expect(failed).toHaveLength(1);
      expect(failed[0]?.level).toBe(LEVEL.error);
      expect(statuses(replyAttempts(s.emu, message, s.since))).toEqual(Array(8).fill(500));
      expect(rule.remaining).toBe(2);

      const next = await sendAndWaitReply(s.emu, { content: 'who are the guarantor countries?', mentionBot: true, author: newUser(s.emu, 'e2') });
      expect(statuses(replyAttempts(s.emu, next.message, s.since))).toEqual([500, 500, 200]);
      expect(firstLine(next.content)).toBe(GUARANTORS);
      expect(quotesOf(next.content).map((q) => q.sentence)).toEqual([2]);
    });
  });

  it('reports the measured figures', () => {
    // Printed for the report; the assertions above already bound them.
    console.error(`[e2e faults] ${JSON.stringify(figures)}`);
    expect(Object.keys(figures).length).toBeGreaterThanOrEqual(4);
  });
});

