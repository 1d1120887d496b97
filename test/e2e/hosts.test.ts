// Shards across machines (issue 11): two bot processes stand for two hosts sharing four shards.
// Host A runs SHARD_IDS=0-1 with SHARD_COUNT=4; host B runs SHARD_IDS=2,3 with SHARD_COUNT=auto,
// resolved through DISCORD_API_URL (the emulator recommends 4). Each identifies only its own
// shards, each guild is answered exactly once, and SIGTERM on one leaves the other serving.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTs, type RunningProcess } from '../ops/process.js';
import { ROUTES, snowflakeForShard, startEmulator, type DiscordEmulator, type InteractionPayload } from './emulator/index.js';

const SHARDS = 4;
const QUESTION = 'Who are the guarantor countries?';

describe('two hosts, one process each, sharing four shards (SHARD_IDS + SHARD_COUNT)', () => {
  let emu: DiscordEmulator;
  let hostA: RunningProcess;
  let hostB: RunningProcess;

  const connected = (host: RunningProcess) => host.waitForLine((l) => l['msg'] === 'connected to Discord', 30_000);
  const askIn = (shard: number): InteractionPayload => {
    const guild = emu.guilds[shard];
    if (!guild) throw new Error(`no guild for shard ${shard}`);
    return emu.sendInteraction(emu.chatInput('ask', { question: QUESTION }, { channelId: String(guild.channels[0]?.['id']) }));
  };
  const answeredLines = (host: RunningProcess) => host.lines.filter((l) => l['event'] === 'answered');

  beforeAll(async () => {
    emu = await startEmulator({
      shards: SHARDS,
      guilds: Array.from({ length: SHARDS }, (_, shard) => ({ id: snowflakeForShard(shard, SHARDS), name: `Shard ${shard}` })),
    });
    const env = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LOG_LEVEL: 'info' };
    hostA = runTs('src/index.ts', { ...env, SHARD_COUNT: '4', SHARD_IDS: '0-1' });
    hostB = runTs('src/index.ts', { ...env, SHARD_COUNT: 'auto', SHARD_IDS: '2,3' });
    await Promise.all([connected(hostA), connected(hostB)]);
    // The host running shard 0 registers the commands; the interaction builders need them.
    await emu.waitUntil(() => emu.world.commands.list(null).some((c) => c.name === 'ask'), { what: 'commands registered', timeoutMs: 10_000 });
  }, 60_000);

  afterAll(async () => {
    for (const host of [hostA, hostB]) {
      if (host && host.child.exitCode === null && host.child.signalCode === null) {
        host.child.kill('SIGKILL');
        await host.exited;
      }
    }
    await emu?.stop();
  });

  it('each host identifies only its own shards, once each, with the total count', async () => {
    const a = await connected(hostA);
    const b = await connected(hostB);
    expect(a).toMatchObject({ shards: [0, 1], shardCount: 4, guilds: 2 });
    expect(b).toMatchObject({ shards: [2, 3], shardCount: 4, guilds: 2 });
    expect(a['pid']).not.toBe(b['pid']);
    expect(emu.identifies.map((i) => [i.shardId, i.shardCount]).sort()).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [3, 4],
    ]);
    // Only the host with shard 0 synced the commands; host B asked /gateway/bot for the auto count.
    expect(emu.requests('GET /applications/{application_id}/commands')).toHaveLength(1);
    expect(emu.requests(ROUTES.gatewayBot).length).toBeGreaterThanOrEqual(3);
  });

  it('each guild is answered exactly once, by the host that runs its shard', async () => {
    const asked = [0, 1, 2, 3].map(askIn);
    for (const ix of asked) {
      const response = await emu.waitForResponse(ix, { timeoutMs: 10_000 });
      expect(response.callbacks).toHaveLength(1);
      expect(response.messages[0]?.content).toContain('Iran, Turkey');
    }
    await hostA.waitForLine(() => answeredLines(hostA).length >= 2);
    await hostB.waitForLine(() => answeredLines(hostB).length >= 2);
    expect(answeredLines(hostA)).toHaveLength(2);
    expect(answeredLines(hostB)).toHaveLength(2);
    for (const [shard, ix] of asked.entries()) {
      expect(emu.dispatches.find((d) => d.t === 'INTERACTION_CREATE' && (d.d as { id: string }).id === ix.id)).toMatchObject({ shardId: shard, status: 'sent' });
    }
    expect(emu.protocolErrors).toEqual([]);
    expect(emu.specViolations).toEqual([]);
  });

  it('SIGTERM on host A: it exits 0, and host B keeps serving its guilds', async () => {
    hostA.child.kill('SIGTERM');
    const { code } = await hostA.exited;
    expect(code).toBe(0);
    expect(hostA.stderr()).toBe('');

    const before = answeredLines(hostB).length;
    for (const shard of [2, 3]) {
      const response = await emu.waitForResponse(askIn(shard), { timeoutMs: 10_000 });
      expect(response.messages[0]?.content).toContain('Iran, Turkey');
    }
    await hostB.waitForLine(() => answeredLines(hostB).length >= before + 2);
    expect(hostB.child.exitCode).toBeNull();
    expect(hostB.lines.filter((l) => Number(l['level']) >= 50)).toEqual([]);
  });
});
