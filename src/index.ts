/**
 * The bot's entry point — the only module with side effects:
 * .env → config → logger → health/metrics → knowledge → startBot → graceful shutdown on SIGINT/SIGTERM.
 *
 * Run alone (`npm start`) it is the whole bot on one shard. Spawned by src/shard.ts (discord.js's
 * ShardingManager), it is one shard: discord.js reads the shard id and count the manager passes.
 */
import { config as loadDotenv } from 'dotenv';
import type { DestinationStream } from 'pino';
import { runFromEnv, StartupError, type RunningFromEnv } from './bot/start.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { HealthListenError, shardFromEnv, startOps, type Ops } from './ops/index.js';

const SHUTDOWN_GRACE_MS = 5_000;
/** A terminal's Ctrl-C reaches a sharded bot twice (the group and the manager): the same request. */
const DUPLICATE_SIGNAL_MS = 1_000;

/** One line on stderr, no stack trace, exit 1. */
function die(line: string): never {
  console.error(line);
  process.exit(1);
}

/** Readable logs for `npm run dev` only; pino-pretty is a devDependency, so production never loads it. */
async function prettyDestination(): Promise<DestinationStream | undefined> {
  if (process.env['NODE_ENV'] !== 'development') return undefined;
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({ sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  } catch {
    console.error('NODE_ENV=development but pino-pretty is not installed: logging JSON.');
    return undefined;
  }
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const shard = shardFromEnv(process.env);
  if (!shard) {
    // `npm start` is one process with one shard. SHARD_COUNT is for `npm run start:sharded`; left in
    // the environment, discord.js would read it (and "auto" is not a number to it).
    delete process.env['SHARD_COUNT'];
    delete process.env['SHARDS'];
  }

  let logger: Logger;
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
    const destination = await prettyDestination();
    const root = createLogger({ level: config.logLevel, secrets: [config.discordToken], ...(destination ? { destination } : {}) });
    logger = shard ? root.child({ shard: shard.id }) : root;
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
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
  if (shard) process.on('disconnect', () => shutdown('disconnect'));

  try {
    // Before login, so /healthz answers 503 while connecting.
    ops = await startOps({ port: config.healthPort, host: config.healthHost, shard, logger });
    bot = await runFromEnv(process.env, {
      logger,
      hooks: ops.hooks,
      // With several shards, shard 0 alone registers the slash commands.
      syncCommands: !shard || shard.id === 0,
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
    die(`The bot could not start: ${err instanceof Error ? err.message : String(err)} (details in the log).`);
  }
}

main().catch((err: unknown) => die(`The bot crashed while starting: ${err instanceof Error ? err.message : String(err)}`));
