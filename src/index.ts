/**
 * The bot's entry point — the only module with side effects:
 * .env → config → logger → knowledge → startBot → graceful shutdown on SIGINT/SIGTERM.
 */
import { config as loadDotenv } from 'dotenv';
import { runFromEnv, StartupError, type RunningFromEnv } from './bot/start.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, type Logger } from './logger.js';

const SHUTDOWN_GRACE_MS = 5_000;

/** One line on stderr, no stack trace, exit 1. */
function die(line: string): never {
  console.error(line);
  process.exit(1);
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });

  let logger: Logger;
  try {
    const config = loadConfig(process.env);
    logger = createLogger({ level: config.logLevel, secrets: [config.discordToken] });
  } catch (err) {
    if (err instanceof ConfigError) die(err.message);
    throw err;
  }

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

  let bot: RunningFromEnv | undefined;
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, 'second signal: exiting now');
      logger.flush();
      process.exit(0);
    }
    shuttingDown = true;
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
      logger.info('bye');
      logger.flush();
      process.exit(0);
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    bot = await runFromEnv(process.env, { logger });
  } catch (err) {
    if (shuttingDown) return;
    if (err instanceof ConfigError || err instanceof StartupError) {
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
