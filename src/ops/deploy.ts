/**
 * Registers the slash commands on demand (`npm run deploy-commands [-- --force]`, or on a
 * production install `node dist/cli/deploy-commands.js [--force]`). Same comparison as startup
 * (PUT only when the definitions differ); prints one line. Needs DISCORD_TOKEN; DISCORD_CLIENT_ID
 * is optional (else GET /applications/@me).
 */
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, type APIApplication } from 'discord.js';
import { pino } from 'pino';
import { explainStartupError, StartupError } from '../bot/start.js';
import { describeSync, syncCommands } from '../bot/sync.js';
import { commandDefinitions } from '../commands/index.js';
import { ConfigError, DEFAULT_API_URL, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { errorMessage } from './process.js';

/** @returns the exit code: 0, or 1 after one line on stderr. */
export async function deployCommands(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  loadDotenv({ quiet: true, processEnv: env });
  const force = argv.includes('--force');
  let apiUrl = DEFAULT_API_URL;
  try {
    const config = loadConfig(env);
    apiUrl = config.apiUrl;
    // Logs (warnings and worse) go to stderr; the result line is the only thing on stdout.
    const logger = createLogger({
      level: config.logLevel === 'info' ? 'warn' : config.logLevel,
      destination: pino.destination({ dest: 2, sync: true }),
      secrets: [config.discordToken, config.feedbackSecret],
    });
    // No sweeper timers, so the process exits as soon as the work is done.
    const rest = new REST({ api: config.apiUrl, handlerSweepInterval: 0, hashSweepInterval: 0 }).setToken(config.discordToken);
    const applicationId = config.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    const result = await syncCommands({ rest, applicationId, guildId: config.guildId, commands: commandDefinitions(), logger, force });
    process.stdout.write(`${describeSync(result)}\n`);
    return 0;
  } catch (err) {
    const explained = explainStartupError(err, apiUrl);
    if (explained instanceof ConfigError || explained instanceof StartupError) console.error(explained.message);
    else console.error(`deploy-commands failed: ${errorMessage(err)}`);
    return 1;
  }
}
