// The curator's feedback loop, end to end against the local Discord emulator: 👍/👎 under answers,
// acknowledged privately, logged as `{ event: 'feedback', factId, vote }`; answered and abstained
// questions logged as events; and no user id, guild id or answered question text in any log line.

import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_ALREADY, FEEDBACK_THANKS } from '../../src/bot/feedback.js';
import { runFromEnv, type RunningFromEnv } from '../../src/bot/start.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { buildReport } from '../../src/ops/report.js';
import { startEmulator, type DiscordEmulator, type MessageJson } from '../e2e/emulator/index.js';

const ANSWERED_QUESTION = 'Who are the guarantor countries?';

describe('feedback buttons and curator log events', () => {
  let emu: DiscordEmulator;
  let bot: RunningFromEnv;
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const metrics = createMetrics({ processMetrics: false });
  let answer: MessageJson;

  const events = (event: string) => lines.filter((l) => l['event'] === event);
  /** Events are logged right after the reply is accepted, so a moment after the emulator saw it. */
  const waitForEvents = async (event: string, count: number) => {
    for (let waited = 0; events(event).length < count; waited += 10) {
      if (waited > 5_000) throw new Error(`expected ${count} ${event} events, got ${events(event).length}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return events(event);
  };

  beforeAll(async () => {
    emu = await startEmulator();
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        for (const l of chunk.toString().split('\n')) {
          if (!l.trim()) continue;
          raw.push(l);
          lines.push(JSON.parse(l) as Record<string, unknown>);
        }
        done();
      },
    });
    bot = await runFromEnv({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl }, { logDestination: stream, hooks: metrics.hooks });
  });

  afterAll(async () => {
    await bot?.stop();
    await emu?.stop();
  });

  it('an answer carries 👍 and 👎 buttons for its fact, within Discord limits', async () => {
    const ix = emu.sendInteraction(emu.chatInput('ask', { question: ANSWERED_QUESTION }));
    const response = await emu.waitForResponse(ix);
    answer = response.messages[0]!;
    const rows = answer.components as { components: { custom_id: string; label: string }[] }[];
    expect(rows.length).toBeLessThanOrEqual(5);
    const last = rows.at(-1)!.components;
    expect(last.map((b) => [b.label, b.custom_id])).toEqual([
      ['👍', 'v1:fb:up:guarantors'],
      ['👎', 'v1:fb:down:guarantors'],
    ]);
    expect(await waitForEvents('answered', 1)).toEqual([
      expect.objectContaining({ event: 'answered', factId: 'guarantors', via: 'slash', confidence: expect.any(Number) }),
    ]);
    expect(emu.specViolations).toEqual([]);
  });

  it('a click is acknowledged privately and logged with the fact id, the vote and a voter hash only', async () => {
    const ix = emu.sendInteraction(emu.button(answer, 'v1:fb:down:guarantors'));
    const response = await emu.waitForResponse(ix);
    expect(response.ephemeral).toBe(true);
    expect(response.messages.map((m) => m.content)).toEqual([FEEDBACK_THANKS]);
    expect(FEEDBACK_THANKS).toBe('Thanks — noted.');
    const [line] = await waitForEvents('feedback', 1);
    expect(line).toMatchObject({ event: 'feedback', factId: 'guarantors', vote: 'down', msg: 'feedback' });
    const fields = Object.keys(line!).filter((k) => !['level', 'time', 'pid', 'hostname', 'module', 'msg'].includes(k));
    expect(fields.sort()).toEqual(['event', 'factId', 'vote', 'voter']);
    // A keyed hash (HMAC-SHA256), not the user id: the same person is recognised, never named.
    expect(line!['voter']).toMatch(/^[0-9a-f]{32}$/);
    expect(await metrics.registry.getSingleMetricAsString('qa_bot_feedback_total')).toContain('vote="down",shard="0"} 1');
  });

  it('the same person clicking the same vote again counts once; someone else counts', async () => {
    const again = emu.sendInteraction(emu.button(answer, 'v1:fb:down:guarantors'));
    expect((await emu.waitForResponse(again)).messages.map((m) => m.content)).toEqual([FEEDBACK_ALREADY]);
    expect(events('feedback')).toHaveLength(1);
    const other = emu.sendInteraction(emu.button(answer, 'v1:fb:up:guarantors', { user: emu.otherUser }));
    expect((await emu.waitForResponse(other)).messages.map((m) => m.content)).toEqual([FEEDBACK_THANKS]);
    expect((await waitForEvents('feedback', 2)).map((l) => l['vote'])).toEqual(['down', 'up']);
  });

  it('an abstention is logged with the question text (mentions in it reduced to @user), and gets no feedback buttons', async () => {
    const question = `What does <@${emu.otherUser.id}> think about the weather in Paris?`;
    const ix = emu.sendInteraction(emu.chatInput('ask', { question }));
    const response = await emu.waitForResponse(ix);
    const ids = (response.messages[0]!.components as { components: { custom_id: string }[] }[]).flatMap((r) =>
      r.components.map((c) => c.custom_id),
    );
    expect(ids.some((id) => id.startsWith('v1:fb:'))).toBe(false);
    expect(await waitForEvents('abstained', 1)).toEqual([
      expect.objectContaining({ event: 'abstained', via: 'slash', question: 'What does @user think about the weather in Paris?' }),
    ]);
  });

  it('a mention is logged the same way, with via=message', async () => {
    emu.sendMessage({ content: 'Where were the talks held?', mentionBot: true });
    const answered = await waitForEvents('answered', 2);
    expect(answered[1]).toMatchObject({ event: 'answered', via: 'message', factId: expect.any(String) });
  });

  it('no log line carries a user id, a guild id, a channel id or the text of an answered question', () => {
    const forbidden = [emu.user.id, emu.otherUser.id, emu.guild.id, emu.channels.text, ANSWERED_QUESTION, 'Where were the talks held'];
    for (const line of raw) for (const f of forbidden) expect(line).not.toContain(f);
    expect(lines.filter((l) => (l['level'] as number) >= 50)).toEqual([]);
  });

  it("the curator's report reads exactly these log lines", () => {
    const report = buildReport(raw);
    expect(report.skipped).toBe(0);
    expect(report.mostAsked.find((f) => f.factId === 'guarantors')).toMatchObject({ asked: 1, up: 1, down: 1 });
    expect(report.unanswered).toEqual([{ question: 'What does @user think about the weather in Paris?', count: 1 }]);
    expect(report.votes).toEqual({ up: 1, down: 1 });
  });
});
