// Malformed gateway dispatches (issue 11): an INTERACTION_CREATE with d: null, one without a type,
// a button without its message, a MESSAGE_CREATE without an author. Each is dropped at debug level
// and counted in qa_bot_gateway_payloads_dropped_total; nothing is logged as an error, no
// unhandled rejection happens (the suite checks both after each test), and the bot still answers.

import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/ops/metrics.js';
import type { JsonObject } from './emulator/index.js';
import { ask, LEVEL, useBotSuite } from './helpers/harness.js';

const metrics = createMetrics({ processMetrics: false });

async function dropped(event: string): Promise<number> {
  const text = await metrics.registry.getSingleMetricAsString('qa_bot_gateway_payloads_dropped_total');
  const line = text.split('\n').find((l) => l.startsWith(`qa_bot_gateway_payloads_dropped_total{event="${event}"`));
  return Number(line?.split(' ').at(-1) ?? Number.NaN);
}

describe('malformed gateway payloads', () => {
  const s = useBotSuite({ env: () => ({ LOG_LEVEL: 'debug' }), bot: { hooks: metrics.hooks } });

  const cases: [string, string, () => JsonObject | null, RegExp][] = [
    ['an INTERACTION_CREATE with d: null', 'INTERACTION_CREATE', () => null, /d is null/],
    [
      'an INTERACTION_CREATE without type',
      'INTERACTION_CREATE',
      () => {
        const { type: _type, ...rest } = s.emu.chatInput('help') as unknown as JsonObject;
        return rest;
      },
      /unknown interaction type null/,
    ],
    [
      'a button without its message',
      'INTERACTION_CREATE',
      () => {
        const message = s.emu.botMessages()[0];
        if (!message) throw new Error('no bot message to press a button on');
        const { message: _message, ...rest } = s.emu.button(message, 'v1:fb:up:guarantors') as unknown as JsonObject;
        return rest;
      },
      /a component without its message/,
    ],
    [
      'a MESSAGE_CREATE without an author',
      'MESSAGE_CREATE',
      () => ({
        id: '1234567890123456789',
        channel_id: s.emu.channels.text,
        guild_id: s.emu.guild.id,
        content: `<@${s.emu.botUser.id}> Who are the guarantor countries?`,
        mentions: [s.emu.botUser],
      }),
      /no author/,
    ],
  ];

  it.each(cases)('%s is dropped at debug level, counted, and the bot answers the next question', async (_name, event, payload, reason) => {
    // A public answer first, so the button case has a message of the bot's to point at.
    await ask(s.emu, 'Who are the guarantor countries?');
    const before = await dropped(event);
    s.emu.dispatch(event, payload() as JsonObject, { shardId: 0 });

    // Gateway events are handled in order: once the next question is answered, the bad one was handled.
    const answer = await ask(s.emu, 'Who are the guarantor countries?');
    expect(answer.messages[0]?.content).toContain('Iran, Turkey');

    expect(await dropped(event)).toBe(before + 1);
    const debug = s.logs.find((l) => l.msg === 'dropped a malformed gateway payload', s.logSince);
    expect(debug).toHaveLength(1);
    expect(debug[0]).toMatchObject({ level: LEVEL.debug, event });
    expect(String(debug[0]?.['reason'])).toMatch(reason);
    expect(s.logs.atLeast(LEVEL.warn, s.logSince)).toEqual([]);
  });
});
