/**
 * Which shards a process runs, and sharding beyond one process.
 *
 * One process, several shards (`npm start` with SHARD_COUNT and optionally SHARD_IDS): the client
 * gets `shards` and `shardCount` (resolveShardPlan); @discordjs/ws spaces the IDENTIFYs by the
 * gateway's `max_concurrency`. Several hosts each run their own slice (SHARD_IDS) of the same count.
 *
 * Several processes on one host (`npm run start:sharded`): discord.js's own ShardingManager,
 * spawning the ordinary entry (dist/index.js) once per shard. discord.js hands each child its shard id and the total count
 * (SHARDS, SHARD_COUNT); the child's client picks them up because it is created without `shards`.
 *
 * What this module adds to ShardingManager: the shard count is resolved here (the manager's own
 * 'auto' would ask discord.com directly, ignoring DISCORD_API_URL); shards start in batches that
 * respect Discord's identify rate limit (`max_concurrency` per 5 s); a shard that dies is
 * respawned with a growing delay instead of in a tight loop; and stopping waits for every shard
 * to disconnect cleanly.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js';
import type { Logger } from 'pino';

/** Discord allows `max_concurrency` IDENTIFYs per 5 s; a little margin. */
export const IDENTIFY_WINDOW_MS = 5_500;
/** Longer than a shard's own 60 s READY timeout, so the shard reports its failure itself. */
export const SPAWN_TIMEOUT_MS = 90_000;
/** Longer than a shard's own 5 s shutdown grace. */
export const STOP_GRACE_MS = 7_000;
const FIRST_RESPAWN_DELAY_MS = 1_000;
const MAX_RESPAWN_DELAY_MS = 60_000;

export interface GatewayInfo {
  /** Discord's recommended shard count. */
  readonly shards: number;
  /** IDENTIFYs allowed at once (per 5 s), each in its own bucket `shard_id % max_concurrency`. */
  readonly maxConcurrency: number;
}

/** `GET /gateway/bot` against DISCORD_API_URL with the bot token. A 401 rejects with DiscordAPIError. */
export async function fetchGatewayInfo(apiUrl: string, token: string): Promise<GatewayInfo> {
  const rest = new REST({ api: apiUrl, timeout: 10_000, retries: 2 }).setToken(token);
  const body = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult;
  const shards = Number.isInteger(body.shards) && body.shards >= 1 ? body.shards : 1;
  const maxConcurrency = Math.max(1, body.session_start_limit?.max_concurrency ?? 1);
  return { shards, maxConcurrency };
}

/** The shards one process runs, out of `count` over every host. */
export interface ShardPlan {
  readonly ids: readonly number[];
  readonly count: number;
}

/**
 * The shards this process runs, from SHARD_COUNT (a number, or 'auto': Discord's recommendation
 * from `GET /gateway/bot` at DISCORD_API_URL) and SHARD_IDS (default: every shard).
 * Undefined when neither is set: discord.js's default, shard 0 of 1.
 * @throws Error when SHARD_IDS names a shard beyond the resolved count (one line for people).
 */
export async function resolveShardPlan(
  settings: { readonly shardCount: 'auto' | number | undefined; readonly shardIds: readonly number[] | undefined },
  gateway: () => Promise<GatewayInfo>,
): Promise<ShardPlan | undefined> {
  const { shardCount, shardIds } = settings;
  if (shardCount === undefined && shardIds === undefined) return undefined;
  const count = shardCount === undefined || shardCount === 'auto' ? (await gateway()).shards : shardCount;
  const ids = shardIds ?? Array.from({ length: count }, (_, i) => i);
  const outside = ids.filter((id) => id >= count);
  if (outside.length > 0) {
    throw new ShardPlanError(
      `SHARD_IDS names shard ${outside.join(', ')}, but Discord recommends ${count} shard${count === 1 ? '' : 's'} (SHARD_COUNT=auto): set SHARD_COUNT to the total over every host.`,
    );
  }
  return { ids, count };
}

/** SHARD_IDS does not fit the resolved shard count: `message` is one line for people. */
export class ShardPlanError extends Error {
  override readonly name = 'ShardPlanError';
}

/** "0-3" or "0,2" (for logs and the metrics' `shard` label). */
export function describeShards(ids: readonly number[]): string {
  const first = ids[0];
  const last = ids.at(-1);
  if (first !== undefined && last !== undefined && ids.length > 1 && last - first === ids.length - 1) return `${first}-${last}`;
  return ids.join(',');
}

/**
 * Shard ids in start-up batches: consecutive ids fall into distinct rate-limit buckets
 * (`id % maxConcurrency`), so a whole batch may identify at once; batches are 5 s apart.
 */
export function shardBatches(ids: number | readonly number[], maxConcurrency: number): number[][] {
  const list = typeof ids === 'number' ? Array.from({ length: ids }, (_, i) => i) : [...ids];
  const size = Math.max(1, Math.floor(maxConcurrency));
  const batches: number[][] = [];
  for (let first = 0; first < list.length; first += size) batches.push(list.slice(first, first + size));
  return batches;
}

/** Delay before respawning a shard that died `failures` times in a row: 1 s, 2 s, 4 s … 60 s. */
export function respawnDelayMs(failures: number): number {
  return Math.min(MAX_RESPAWN_DELAY_MS, FIRST_RESPAWN_DELAY_MS * 2 ** Math.max(0, failures - 1));
}

export interface ShardFleetOptions {
  /** The per-shard entry: dist/index.js (or src/index.ts under tsx). */
  readonly file: string;
  readonly token: string;
  readonly totalShards: number;
  /** The shards this host spawns (SHARD_IDS); default all of `totalShards`. */
  readonly shardIds?: readonly number[];
  readonly maxConcurrency: number;
  /** Node flags for each shard process, e.g. ['--import', 'tsx'] for a .ts file. */
  readonly execArgv?: readonly string[];
  readonly logger: Logger;
  /** Test-only: pause between batches (default IDENTIFY_WINDOW_MS). */
  readonly identifyWindowMs?: number;
}

export interface ShardFleet {
  readonly manager: ShardingManager;
  /** Resolves once every shard reported READY once (or failed its first start, which is logged). */
  readonly started: Promise<{ ready: number; ms: number }>;
  /** Stops every shard (SIGTERM, then waits up to STOP_GRACE_MS) and respawns none. */
  stop(): Promise<void>;
}

export function startShardFleet(options: ShardFleetOptions): ShardFleet {
  const log = options.logger;
  const manager = new ShardingManager(options.file, {
    totalShards: options.totalShards,
    token: options.token,
    mode: 'process',
    respawn: false, // respawned below, with a growing delay
    execArgv: [...(options.execArgv ?? [])],
  });
  let stopping = false;
  const failures = new Map<number, number>();
  const timers = new Set<NodeJS.Timeout>();

  const watch = (shard: Shard) => {
    shard.on('ready', () => {
      failures.set(shard.id, 0);
      log.info({ shardId: shard.id }, 'shard ready');
    });
    shard.on('death', (child) => {
      if (stopping) return;
      const exitCode = 'exitCode' in child ? child.exitCode : undefined;
      const n = (failures.get(shard.id) ?? 0) + 1;
      failures.set(shard.id, n);
      const delay = respawnDelayMs(n);
      log.warn({ shardId: shard.id, exitCode, respawnInMs: delay }, 'shard process exited; respawning it');
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (stopping || shard.process) return;
        shard.spawn(SPAWN_TIMEOUT_MS).catch((err: unknown) => log.warn({ shardId: shard.id, err }, 'shard did not get ready'));
      }, delay);
      timers.add(timer);
    });
  };

  const started = (async () => {
    const t0 = performance.now();
    let ready = 0;
    const ids = options.shardIds ?? Array.from({ length: options.totalShards }, (_, i) => i);
    const batches = shardBatches(ids, options.maxConcurrency);
    for (const [i, batch] of batches.entries()) {
      if (stopping) break;
      if (i > 0) await sleep(options.identifyWindowMs ?? IDENTIFY_WINDOW_MS);
      await Promise.all(
        batch.map(async (id) => {
          const shard = manager.createShard(id);
          watch(shard);
          try {
            await shard.spawn(SPAWN_TIMEOUT_MS);
            ready += 1;
          } catch (err) {
            // The shard logged why itself; the death handler respawns it.
            if (!stopping) log.warn({ shardId: id, err }, 'shard did not get ready on its first start');
          }
        }),
      );
    }
    const ms = Math.round(performance.now() - t0);
    log.info({ shards: ids.length, ready, ms }, 'all shards started');
    return { ready, ms };
  })();

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      const exits = [...manager.shards.values()].map((shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        shard.kill(); // SIGTERM: the shard disconnects from Discord and exits
        return exited;
      });
      await Promise.race([Promise.all(exits), sleep(STOP_GRACE_MS)]);
    })();
    return stopped;
  };

  return { manager, started, stop };
}
