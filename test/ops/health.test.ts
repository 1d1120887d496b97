// Health and metrics: the real bot (runFromEnv, as src/index.ts starts it) against the local
// Discord emulator, with the listener src/index.ts starts when HEALTH_PORT is set.

import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFromEnv, type RunningFromEnv } from '../../src/bot/start.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { healthPortFor, shardFromEnv, startOps, type Ops } from '../../src/ops/index.js';
import { createMetrics, LATENCY_BUCKETS } from '../../src/ops/metrics.js';
import { startEmulator, type DiscordEmulator } from '../e2e/emulator/index.js';
import { freePortRange, runTs } from './process.js';

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

/**
 * The sample value of a series in Prometheus text, e.g. `name{via="slash",shard="0"}`; label order
 * does not matter (prom-client puts histogram labels in its own order).
 */
function sample(text: string, series: string): number | undefined {
  const parse = (s: string) => {
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?$/.exec(s);
    if (!m) throw new Error(`bad series ${s}`);
    return `${m[1]}{${(m[2] ?? '').split(',').filter(Boolean).sort().join(',')}}`;
  };
  const wanted = parse(series);
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const at = line.lastIndexOf(' ');
    if (parse(line.slice(0, at)) === wanted) return Number(line.slice(at + 1));
  }
  return undefined;
}

describe('health and metrics listener with the real bot', () => {
  let emu: DiscordEmulator;
  let ops: Ops;
  let bot: RunningFromEnv | undefined;
  const logs = logSink();
  const logger = createLogger({ level: 'info', destination: logs.stream });
  let base: string;

  beforeAll(async () => {
    emu = await startEmulator();
    // Port 0: any free port (HEALTH_PORT itself must be 1–65535); no host given: the default.
    ops = await startOps({ port: 0, logger });
    base = ops.server!.url;
  });

  afterAll(async () => {
    await bot?.stop();
    await ops?.close();
    await emu?.stop();
  });

  it('binds 127.0.0.1 by default', () => {
    expect(ops.server?.host).toBe('127.0.0.1');
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(loadConfig({ DISCORD_TOKEN: 'x'.repeat(30) }).healthHost).toBe('127.0.0.1');
    expect(loadConfig({ DISCORD_TOKEN: 'x'.repeat(30) }).healthPort).toBeUndefined();
  });

  it('answers 503 before the gateway is ready', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(sample(metrics, 'qa_bot_gateway_ready{shard="0"}')).toBe(0);
  });

  it('answers 200 {"status":"ok"} once the bot is connected', async () => {
    bot = await runFromEnv({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl }, { logger, hooks: ops.hooks });
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.text()).toBe('{"status":"ok"}');
    expect((await fetch(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
  });

  it('counts answers, abstentions and their latency per `via` after /ask, in Prometheus text format', async () => {
    const before = await (await fetch(`${base}/metrics`)).text();
    expect(sample(before, 'qa_bot_questions_answered_total{via="slash",shard="0"}')).toBe(0);
    for (const question of ['Who are the guarantor countries?', 'What is the capital of France?']) {
      const ix = emu.sendInteraction(emu.chatInput('ask', { question }));
      await emu.waitForResponse(ix);
    }
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE qa_bot_questions_answered_total counter');
    expect(sample(text, 'qa_bot_questions_answered_total{via="slash",shard="0"}')).toBe(1);
    expect(sample(text, 'qa_bot_questions_abstained_total{via="slash",shard="0"}')).toBe(1);
    expect(sample(text, 'qa_bot_questions_answered_total{via="message",shard="0"}')).toBe(0);
    expect(sample(text, 'qa_bot_answer_duration_seconds_count{via="slash",shard="0"}')).toBe(2);
    expect(sample(text, 'qa_bot_answer_duration_seconds_bucket{le="+Inf",via="slash",shard="0"}')).toBe(2);
    expect(sample(text, 'qa_bot_answer_duration_seconds_bucket{le="0.0001",via="slash",shard="0"}')).toBeDefined();
    expect(sample(text, 'qa_bot_errors_total{shard="0"}') ?? 0).toBe(0);
    // Default process metrics, on this registry only.
    expect(text).toMatch(/^process_cpu_user_seconds_total\{shard="0"\} /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{shard="0"\} /m);
    // The gauges read the client at scrape time.
    expect(sample(text, 'qa_bot_gateway_ready{shard="0"}')).toBe(1);
    expect(sample(text, 'qa_bot_guilds{shard="0"}')).toBe(1);
    expect(text).toMatch(/^qa_bot_gateway_ping_seconds\{shard="0"\} /m);
  });

  it('answers 404 elsewhere and 405 for other methods', async () => {
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('answers 503 again once the bot stopped', async () => {
    await bot?.stop();
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    expect(emu.specViolations).toEqual([]);
  });
});

describe('metrics registries and shard ports', () => {
  it('each bot has its own registry with its shard as a default label; errors count by `where`', async () => {
    const a = createMetrics({ shardId: 0, processMetrics: false });
    const b = createMetrics({ shardId: 1, processMetrics: false });
    a.hooks.error(new Error('x'), 'interaction:/ask');
    b.hooks.feedback('guarantors', 'down');
    const ta = await a.registry.metrics();
    const tb = await b.registry.metrics();
    expect(sample(ta, 'qa_bot_errors_total{where="interaction:/ask",shard="0"}')).toBe(1);
    expect(tb).not.toContain('where="interaction:/ask"');
    expect(sample(tb, 'qa_bot_feedback_total{vote="down",shard="1"}')).toBe(1);
    expect(sample(tb, 'qa_bot_feedback_total{vote="up",shard="1"}')).toBe(0);
    expect(LATENCY_BUCKETS[0]).toBeLessThan(0.001);
    expect(LATENCY_BUCKETS.at(-1)).toBeGreaterThanOrEqual(1);
  });

  it('a shard spawned by the manager binds HEALTH_PORT + its shard id; a single process HEALTH_PORT', () => {
    const shard = shardFromEnv({ SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' });
    expect(shard).toEqual({ id: 1, count: 2 });
    expect(healthPortFor(9464, shard)).toBe(9465);
    expect(shardFromEnv({ SHARDS: '1', SHARD_COUNT: '2' })).toBeUndefined();
    expect(healthPortFor(9464, undefined)).toBe(9464);
  });

  it('HEALTH_PORT off by default: no listener, no hooks', async () => {
    const ops = await startOps({ port: undefined, logger: createLogger({ level: 'silent' }) });
    expect(ops.server).toBeUndefined();
    expect(ops.hooks).toEqual({});
  });

  it('a port in use fails with one line naming HEALTH_PORT', async () => {
    const logger = createLogger({ level: 'silent' });
    const first = await startOps({ port: 0, logger, processMetrics: false });
    await expect(startOps({ port: first.server!.port, logger, processMetrics: false })).rejects.toThrow(
      /^The health listener could not start: port \d+ on 127\.0\.0\.1 is already in use\. Change HEALTH_PORT/,
    );
    await first.close();
  });
});

describe('the production entry (src/index.ts) with HEALTH_PORT', () => {
  it('without SHARD_COUNT runs shard 0 of 1, as discord.js does by default', async () => {
    const emu = await startEmulator({ shards: 2 });
    const bot = runTs('src/index.ts', { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, SHARD_COUNT: '' });
    try {
      await bot.waitForLine((l) => l['msg'] === 'connected to Discord');
      expect(emu.identifies.map((i) => [i.shardId, i.shardCount])).toEqual([[0, 1]]);
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await emu.stop();
    }
  });

  it('serves /healthz on HEALTH_PORT, runs every shard SHARD_COUNT=auto resolves to in one process, and stops on SIGTERM', async () => {
    const emu = await startEmulator({ shards: 2 });
    const port = await freePortRange(1);
    const bot = runTs('src/index.ts', {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      HEALTH_PORT: String(port),
      SHARD_COUNT: 'auto', // asked of the emulator's /gateway/bot (DISCORD_API_URL): 2
    });
    try {
      const listening = await bot.waitForLine((l) => l['msg'] === 'health and metrics listening');
      expect(listening['url']).toBe(`http://127.0.0.1:${port}/healthz`);
      await bot.waitForLine((l) => l['msg'] === 'connected to Discord');
      expect(emu.identifies.map((i) => [i.shardId, i.shardCount]).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(res.status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toContain('qa_bot_gateway_ready{shard="0-1"} 1');
      expect(metrics).toContain('qa_bot_guilds{shard="0-1"} 2');
      bot.child.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
      expect(bot.stderr()).toBe('');
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await emu.stop();
    }
  });
});
