/**
 * Operations around one bot process: the optional health + metrics listener, and which shard
 * this process is when discord.js's ShardingManager (src/shard.ts) spawned it.
 */
import type { Logger } from 'pino';
import type { BotHooks } from '../bot/hooks.js';
import type { Env } from '../config.js';
import { startHealthServer, type HealthServer } from './health.js';
import { createMetrics, type BotMetrics } from './metrics.js';

export { HealthListenError } from './health.js';

export interface ShardInfo {
  readonly id: number;
  readonly count: number;
}

/**
 * The shard this process runs when a ShardingManager spawned it (it sets SHARDING_MANAGER, SHARDS
 * and SHARD_COUNT for each child); undefined in single-process mode.
 */
export function shardFromEnv(env: Env): ShardInfo | undefined {
  if (!env['SHARDING_MANAGER']) return undefined;
  const id = Number(env['SHARDS']);
  const count = Number(env['SHARD_COUNT']);
  if (!Number.isInteger(id) || !Number.isInteger(count) || id < 0 || id >= count) return undefined;
  return { id, count };
}

/** Each shard process binds HEALTH_PORT + its shard id; a single process binds HEALTH_PORT. */
export function healthPortFor(basePort: number, shard: ShardInfo | undefined): number {
  return basePort + (shard?.id ?? 0);
}

export interface OpsOptions {
  /** HEALTH_PORT; undefined turns health and metrics off. */
  readonly port: number | undefined;
  /** HEALTH_HOST (default 127.0.0.1). */
  readonly host?: string;
  readonly shard?: ShardInfo | undefined;
  /** The metrics' `shard` label for a process running several shards (e.g. "0-1"); default the shard id. */
  readonly shardLabel?: string;
  readonly logger: Logger;
  /** Node.js process metrics; default true. */
  readonly processMetrics?: boolean;
}

export interface Ops {
  /** Pass to runFromEnv/startBot; empty when health is off. */
  readonly hooks: BotHooks;
  readonly metrics: BotMetrics | undefined;
  readonly server: HealthServer | undefined;
  close(): Promise<void>;
}

/** @throws HealthListenError (one line for people) when the port can't be bound. */
export async function startOps(options: OpsOptions): Promise<Ops> {
  if (options.port === undefined) return { hooks: {}, metrics: undefined, server: undefined, close: async () => undefined };
  const port = options.port === 0 ? 0 : healthPortFor(options.port, options.shard);
  const metrics = createMetrics({
    ...(options.shardLabel !== undefined ? { shardId: options.shardLabel } : options.shard ? { shardId: options.shard.id } : {}),
    ...(options.processMetrics !== undefined ? { processMetrics: options.processMetrics } : {}),
  });
  const server = await startHealthServer({
    port,
    ...(options.host ? { host: options.host } : {}),
    isReady: () => metrics.client()?.isReady() ?? false,
    registry: metrics.registry,
    logger: options.logger,
  });
  return {
    hooks: metrics.hooks,
    metrics,
    server,
    close: () => server.close(),
  };
}
