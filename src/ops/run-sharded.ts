/**
 * Several shard processes on one host (`npm run start:sharded`; src/shard.ts only calls
 * `runShardManager`): discord.js's ShardingManager runs the ordinary entry once per shard.
 *
 * SHARD_COUNT=auto (default here) asks Discord (`GET /gateway/bot` at DISCORD_API_URL) for its
 * recommendation; a number forces it. SHARD_IDS spawns only those shards (this host's slice).
 * Each shard serves /healthz and /metrics on HEALTH_PORT + its shard id when HEALTH_PORT is set;
 * only shard 0 registers the slash commands.
 */
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { explainStartupError, StartupError } from '../bot/start.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { loadKnowledge } from '../knowledge/index.js';
import { createLogger, type Logger } from '../logger.js';
import { die, errorMessage } from './process.js';
import { fetchGatewayInfo, resolveShardPlan, ShardPlanError, startShardFleet, type GatewayInfo } from './sharding.js';

export interface ShardManagerOptions {
  /** The per-shard entry; default src/index.ts under tsx, else dist/index.js. */
  readonly entry?: string;
}

export async function runShardManager(env: NodeJS.ProcessEnv = process.env, options: ShardManagerOptions = {}): Promise<void> {
  loadDotenv({ quiet: true, processEnv: env });
  let config: Config;
  let logger: Logger;
  try {
    config = loadConfig(env);
    logger = createLogger({ level: config.logLevel, secrets: [config.discordToken, config.feedbackSecret] }).child({ module: 'shards' });
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
  }
  // A broken fact base would fail every shard; say so once.
  try {
    loadKnowledge();
  } catch (err) {
    die(errorMessage(explainStartupError(err)));
  }

  let gateway: GatewayInfo;
  try {
    gateway = await fetchGatewayInfo(config.apiUrl, config.discordToken);
  } catch (err) {
    const explained = explainStartupError(err, config.apiUrl);
    if (explained instanceof StartupError) die(explained.message);
    if (config.shardCount === undefined || config.shardCount === 'auto') {
      die(`Could not ask Discord for the recommended shard count (${errorMessage(err)}): check the network and DISCORD_API_URL, or set SHARD_COUNT to a number.`);
    }
    logger.warn({ err }, 'could not read the gateway limits; starting shards one at a time');
    gateway = { shards: config.shardCount, maxConcurrency: 1 };
  }
  let plan;
  try {
    plan = await resolveShardPlan({ shardCount: config.shardCount ?? 'auto', shardIds: config.shardIds }, () => Promise.resolve(gateway));
  } catch (err) {
    if (err instanceof ShardPlanError) die(err.message);
    throw err;
  }
  const totalShards = plan?.count ?? gateway.shards;

  // Under tsx (tests, development) src/ops/run-sharded.ts spawns src/index.ts; built, dist/index.js.
  const typescript = import.meta.url.endsWith('.ts');
  const file = options.entry ?? fileURLToPath(new URL(typescript ? '../index.ts' : '../index.js', import.meta.url));
  const execArgv = typescript ? ['--import', import.meta.resolve('tsx')] : [];
  logger.info(
    {
      totalShards,
      shardIds: plan?.ids,
      recommended: gateway.shards,
      configured: config.shardCount ?? 'auto',
      maxConcurrency: gateway.maxConcurrency,
    },
    'starting shards',
  );

  const fleet = startShardFleet({
    file,
    token: config.discordToken,
    totalShards,
    ...(plan ? { shardIds: plan.ids } : {}),
    maxConcurrency: gateway.maxConcurrency,
    execArgv,
    logger,
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping every shard');
    void fleet.stop().then(() => {
      logger.info('bye');
      logger.flush();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await fleet.started;
}
