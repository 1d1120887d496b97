/**
 * The bot process, as `npm start` runs it (src/index.ts only calls `runBot`):
 * .env → config (loaded once) → logger → shards → health/metrics → knowledge → startBot →
 * graceful shutdown on SIGINT/SIGTERM.
 *
 * Which shards: one (shard 0 of 1) by default; a slice of SHARD_COUNT given by SHARD_IDS (several
 * hosts, one process each); or the one shard a ShardingManager (src/shard.ts) spawned it for.
 */
import { config as loadDotenv } from 'dotenv';
import type { ShardSlice } from '../bot/client.js';
import { explainStartupError, runWithConfig, StartupError, type RunningFromEnv } from '../bot/start.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { HealthListenError, shardFromEnv, startOps, type Ops, type ShardInfo } from './index.js';
import { die, errorMessage, prettyDestination } from './process.js';
import { describeShards, fetchGatewayInfo, resolveShardPlan, ShardPlanError } from './sharding.js';

const SHUTDOWN_GRACE_MS = 5_000;
/** A terminal's Ctrl-C reaches a sharded bot twice (the group and the manager): the same request. */
const DUPLICATE_SIGNAL_MS = 1_000;

/** The shards this process runs: the manager's one, a configured slice, or undefined (shard 0 of 1). */
async function shardsFor(config: Config, managed: ShardInfo | undefined): Promise<ShardSlice | undefined> {
  if (managed) return { ids: [managed.id], count: managed.count };
  try {
    return await resolveShardPlan(config, () => fetchGatewayInfo(config.apiUrl, config.discordToken));
  } catch (err) {
    if (err instanceof ShardPlanError) throw new StartupError(err.message);
    throw explainStartupError(err, config.apiUrl);
  }
}

/** Runs the bot until a signal stops it; exits the process with 1 and one line when it cannot start. */
export async function runBot(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  loadDotenv({ quiet: true, processEnv: env });
  const managed = shardFromEnv(env);

  let config: Config;
  let root: Logger;
  try {
    config = loadConfig(env);
    const destination = await prettyDestination(env);
    root = createLogger({
      level: config.logLevel,
      secrets: [config.discordToken, config.feedbackSecret],
      ...(destination ? { destination } : {}),
    });
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
  }
  let logger = managed ? root.child({ shard: managed.id }) : root;
  if (!managed) {
    // Read once into `config`; left in the environment, discord.js would read them again
    // ("auto" or a blank value is not a number to it). The client gets explicit shards instead.
    delete env['SHARD_COUNT'];
    delete env['SHARDS'];
  }

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

  let bot: RunningFromEnv | undefined;
  let ops: Ops | undefined;
  let firstSignalAt: number | undefined;
  const shutdown = (signal: NodeJS.Signals | 'disconnect') => {
    if (firstSignalAt !== undefined) {
      if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_MS) return;
      logger.warn({ signal }, 'second signal: exiting now');
      logger.flush();
      process.exit(0);
    }
    firstSignalAt = Date.now();
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn('shutdown took too long: forcing exit');
      logger.flush();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
    void (async () => {
      try {
        await bot?.stop();
      } catch (err) {
        logger.error({ err }, 'error while disconnecting');
      }
      await ops?.close().catch(() => undefined);
      logger.info('bye');
      logger.flush();
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // A shard whose manager is gone (killed without a chance to stop us) stops too.
  if (managed) process.on('disconnect', () => shutdown('disconnect'));

  try {
    const shards = await shardsFor(config, managed);
    if (shards && !managed) logger = root.child({ shards: describeShards(shards.ids) });
    // Before login, so /healthz answers 503 while connecting.
    ops = await startOps({
      port: config.healthPort,
      host: config.healthHost,
      shard: managed,
      ...(shards && !managed ? { shardLabel: describeShards(shards.ids) } : {}),
      logger,
    });
    bot = await runWithConfig(config, {
      logger,
      hooks: ops.hooks,
      ...(shards ? { shards } : {}),
      // Exactly one process registers the slash commands: the one that runs shard 0.
      syncCommands: !shards || shards.ids.includes(0),
    });
  } catch (err) {
    if (firstSignalAt !== undefined) return;
    if (err instanceof ConfigError || err instanceof StartupError || err instanceof HealthListenError) {
      logger.fatal({ err }, 'startup failed');
      logger.flush();
      die(err.message);
    }
    logger.fatal({ err }, 'startup failed unexpectedly');
    logger.flush();
    die(`The bot could not start: ${errorMessage(err)} (details in the log).`);
  }
}
