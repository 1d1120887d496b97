// Beyond one process: `npm run start:sharded`'s entry (src/shard.ts) with discord.js's
// ShardingManager against the local Discord emulator, whose /gateway/bot recommends 2 shards.
// Two shard processes each identify with their own shard id, each answers /ask for the guild
// Discord routes to it, and each serves its own /healthz and /metrics on HEALTH_PORT + shard id.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snowflakeForShard, startEmulator, type DiscordEmulator, type InteractionPayload } from '../e2e/emulator/index.js';
import { describeShards, resolveShardPlan, respawnDelayMs, shardBatches, ShardPlanError } from '../../src/ops/sharding.js';
import { freePortRange, runTs, type RunningProcess } from './process.js';

const SHARDS = 2;

describe('sharding across processes (ShardingManager)', () => {
  let emu: DiscordEmulator;
  let manager: RunningProcess;
  let healthPort: number;
  let startupMs: number;

  beforeAll(async () => {
    emu = await startEmulator({
      shards: SHARDS,
      guilds: [
        { id: snowflakeForShard(0, SHARDS), name: 'Shard zero' },
        { id: snowflakeForShard(1, SHARDS), name: 'Shard one' },
      ],
    });
    healthPort = await freePortRange(SHARDS);
    const t0 = Date.now();
    manager = runTs('src/shard.ts', {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      HEALTH_PORT: String(healthPort),
      LOG_LEVEL: 'info',
      // SHARD_COUNT unset: auto, resolved from the emulator's /gateway/bot.
    });
    await manager.waitForLine((l) => l['msg'] === 'all shards started', 30_000);
    startupMs = Date.now() - t0;
    // A shard's "ready" reaches the manager over IPC, its log line over a stdout pipe: under load
    // the line can arrive after the manager's "all shards started". (waitForLine re-checks on every
    // line; the emulator's waitUntil would only re-check on emulator events.)
    for (let shard = 0; shard < SHARDS; shard++) {
      await manager.waitForLine((l) => l['msg'] === 'connected to Discord' && l['shard'] === shard, 30_000);
    }
    // Shard 0 registers the commands; the interaction builders need them.
    await emu.waitUntil(() => emu.world.commands.list(null).some((c) => c.name === 'ask'), { what: 'commands registered' });
  }, 70_000);

  afterAll(async () => {
    if (manager && manager.child.exitCode === null) {
      manager.child.kill('SIGKILL');
      await manager.exited;
    }
    await emu?.stop();
  });

  it('resolves SHARD_COUNT=auto from /gateway/bot and spawns one process per shard, each identifying as its own shard', async () => {
    const started = manager.lines.find((l) => l['msg'] === 'starting shards');
    expect(started).toMatchObject({ totalShards: 2, recommended: 2, configured: 'auto' });
    expect(emu.identifies.map((i) => [i.shardId, i.shardCount]).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const connected = manager.lines.filter((l) => l['msg'] === 'connected to Discord');
    expect(connected.map((l) => l['shard']).sort()).toEqual([0, 1]);
    const pids = new Set(connected.map((l) => l['pid']));
    expect(pids.size).toBe(2);
    expect(pids.has(manager.child.pid)).toBe(false);
    // Each shard sees only its own guild.
    expect(connected.map((l) => l['guilds'])).toEqual([1, 1]);
    // Only shard 0 synced the commands.
    expect(emu.requests('GET /applications/{application_id}/commands')).toHaveLength(1);
    console.error(`[sharding] manager start → 2 shards ready: ${startupMs} ms`);
    expect(startupMs).toBeLessThan(30_000);
  });

  it('each shard answers /ask for its own guild', async () => {
    const asked: [number, InteractionPayload][] = emu.guilds.map((g, shard) => [
      shard,
      emu.sendInteraction(emu.chatInput('ask', { question: 'Who are the guarantor countries?' }, { channelId: String(g.channels[0]?.['id']) })),
    ]);
    for (const [shard, ix] of asked) {
      const response = await emu.waitForResponse(ix);
      expect(response.messages[0]?.content).toContain('Iran, Turkey');
      const dispatched = emu.dispatches.find((d) => d.t === 'INTERACTION_CREATE' && (d.d as { id: string }).id === ix.id);
      expect(dispatched).toMatchObject({ shardId: shard, status: 'sent' });
    }
    const answered = await Promise.all(
      [0, 1].map((shard) => manager.waitForLine((l) => l['event'] === 'answered' && l['shard'] === shard)),
    );
    for (const line of answered) {
      expect(line).toMatchObject({ factId: 'guarantors', via: 'slash' });
      expect(Object.keys(line)).not.toContain('guildId');
      expect(Object.keys(line)).not.toContain('userId');
    }
    expect(emu.specViolations).toEqual([]);
  });

  it('each shard serves /healthz and /metrics on HEALTH_PORT + its shard id, labelled with its shard', async () => {
    for (const shard of [0, 1]) {
      const base = `http://127.0.0.1:${healthPort + shard}`;
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toContain(`qa_bot_questions_answered_total{via="slash",shard="${shard}"} 1`);
      expect(metrics).toContain(`qa_bot_gateway_ready{shard="${shard}"} 1`);
    }
  });

  it('SIGTERM on the manager stops every shard cleanly and exits 0', async () => {
    const t0 = Date.now();
    manager.child.kill('SIGTERM');
    const { code } = await manager.exited;
    const stopMs = Date.now() - t0;
    console.error(`[sharding] SIGTERM → manager and shards gone: ${stopMs} ms`);
    expect(code).toBe(0);
    expect(manager.lines.filter((l) => l['msg'] === 'bye').map((l) => l['shard'] ?? 'manager').sort()).toEqual([0, 1, 'manager']);
    for (const shard of [0, 1]) {
      await expect(fetch(`http://127.0.0.1:${healthPort + shard}/healthz`)).rejects.toThrow();
    }
    expect(manager.stderr()).toBe('');
  });
});

describe('shard start-up schedule', () => {
  it('starts shards in batches of max_concurrency (distinct identify buckets), respawns with a growing delay', () => {
    expect(shardBatches(2, 16)).toEqual([[0, 1]]);
    expect(shardBatches(5, 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(shardBatches(3, 1)).toEqual([[0], [1], [2]]);
    // A host's slice (SHARD_IDS) is batched the same way.
    expect(shardBatches([2, 3, 5], 2)).toEqual([[2, 3], [5]]);
    expect([1, 2, 3, 7, 20].map(respawnDelayMs)).toEqual([1_000, 2_000, 4_000, 60_000, 60_000]);
  });
});

describe('the shards one process runs (resolveShardPlan)', () => {
  const gateway = (shards: number) => async () => ({ shards, maxConcurrency: 1 });
  const never = async () => {
    throw new Error('must not ask Discord');
  };

  it('GIVEN neither SHARD_COUNT nor SHARD_IDS THEN undefined: discord.js runs shard 0 of 1', async () => {
    expect(await resolveShardPlan({ shardCount: undefined, shardIds: undefined }, never)).toBeUndefined();
  });

  it('GIVEN a number THEN every shard of it, or the given slice, without asking Discord', async () => {
    expect(await resolveShardPlan({ shardCount: 3, shardIds: undefined }, never)).toEqual({ ids: [0, 1, 2], count: 3 });
    expect(await resolveShardPlan({ shardCount: 4, shardIds: [2, 3] }, never)).toEqual({ ids: [2, 3], count: 4 });
  });

  it('GIVEN auto THEN the count Discord recommends; a slice beyond it is one clear line', async () => {
    expect(await resolveShardPlan({ shardCount: 'auto', shardIds: [1] }, gateway(2))).toEqual({ ids: [1], count: 2 });
    const err = await resolveShardPlan({ shardCount: 'auto', shardIds: [1, 4] }, gateway(2)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ShardPlanError);
    expect((err as Error).message).toMatch(/^SHARD_IDS names shard 4, but Discord recommends 2 shards \(SHARD_COUNT=auto\)/);
  });

  it('describes a slice for logs and the metrics label', () => {
    expect([describeShards([0, 1, 2]), describeShards([0, 2]), describeShards([3])]).toEqual(['0-2', '0,2', '3']);
  });
});
