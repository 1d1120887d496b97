/**
 * Registers the slash commands on demand: `npm run deploy-commands [-- --force]`.
 * Same comparison as startup (PUT only when the definitions differ); prints one line.
 * Needs DISCORD_TOKEN; DISCORD_CLIENT_ID is optional (else GET /applications/@me).
 */
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, type APIApplication } from 'discord.js';
import { pino } from 'pino';
import { explainStartupError, StartupError } from '../bot/start.js';
import { describeSync, syncCommands } from '../bot/sync.js';
import { commandDefinitions } from '../commands/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { createLogger } from '../logger.js';

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const force = process.argv.includes('--force');
  const config = loadConfig(process.env);
  // Logs (warnings and worse) go to stderr; the result line is the only thing on stdout.
  const logger = createLogger({
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    destination: pino.destination({ dest: 2, sync: true }),
    secrets: [config.discordToken],
  });
  // No sweeper timers, so the process exits as soon as the work is done.
  const rest = new REST({ api: config.apiUrl, handlerSweepInterval: 0, hashSweepInterval: 0 }).setToken(
    config.discordToken,
  );
  const applicationId = config.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const result = await syncCommands({ rest, applicationId, guildId: config.guildId, commands: commandDefinitions(), logger, force });
  console.log(describeSync(result));
}

main().catch((err: unknown) => {
  const explained = explainStartupError(err);
  if (explained instanceof ConfigError || explained instanceof StartupError) console.error(explained.message);
  else console.error(`deploy-commands failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
