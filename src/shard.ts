/**
 * The sharded entry, `npm run start:sharded` (node dist/shard.js): one process per shard, each
 * running the ordinary entry (dist/index.js) under discord.js's ShardingManager. For bots in more
 * servers than one connection may carry (Discord requires sharding from 2,500 servers).
 *
 * SHARD_COUNT=auto (default) asks Discord (`GET /gateway/bot` at DISCORD_API_URL) for its
 * recommendation; a number forces it. Each shard serves /healthz and /metrics on
 * HEALTH_PORT + its shard id when HEALTH_PORT is set; only shard 0 registers the slash commands.
 */
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { explainStartupError, StartupError } from './bot/start.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { loadKnowledge } from './knowledge/index.js';
import { createLogger, type Logger } from './logger.js';
import { fetchGatewayInfo, startShardFleet, type GatewayInfo, type ShardFleet } from './ops/sharding.js';

function die(line: string): never {
  console.error(line);
  process.exit(1);
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let config: Config;
  let logger: Logger;
  try {
    config = loadConfig(process.env);
    logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] }).child({ module: 'shards' });
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
  }
  // A broken fact base would fail every shard; say so once.
  try {
    loadKnowledge();
  } catch (err) {
    const explained = explainStartupError(err);
    die(explained instanceof Error ? explained.message : message(err));
  }

  let gateway: GatewayInfo;
  try {
    gateway = await fetchGatewayInfo(config.apiUrl, config.discordToken);
  } catch (err) {
    const explained = explainStartupError(err);
    if (explained instanceof StartupError) die(explained.message);
    if (config.shardCount === 'auto') {
      die(`Could not ask Discord for the recommended shard count (${message(err)}): check the network and DISCORD_API_URL, or set SHARD_COUNT to a number.`);
    }
    logger.warn({ err }, 'could not read the gateway limits; starting shards one at a time');
    gateway = { shards: config.shardCount, maxConcurrency: 1 };
  }
  const totalShards = config.shardCount === 'auto' ? gateway.shards : config.shardCount;

  // dist/shard.js spawns dist/index.js; under tsx (tests, development) src/shard.ts spawns src/index.ts.
  const typescript = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(typescript ? './index.ts' : './index.js', import.meta.url));
  const execArgv = typescript ? ['--import', import.meta.resolve('tsx')] : [];
  logger.info(
    { totalShards, recommended: gateway.shards, configured: config.shardCount, maxConcurrency: gateway.maxConcurrency },
    'starting shards',
  );

  const fleet: ShardFleet = startShardFleet({
    file,
    token: config.discordToken,
    totalShards,
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

main().catch((err: unknown) => die(`The shard manager crashed while starting: ${message(err)}`));
