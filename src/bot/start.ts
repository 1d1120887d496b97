/**
 * Starting the bot: `startBot` wires a client to the router, logs in, waits for READY and syncs the
 * slash commands. `runWithConfig` (logger → knowledge → startBot) is what the production entry
 * calls with the config it loaded once; `runFromEnv` loads the config first (end-to-end tests).
 */
import { once } from 'node:events';
import {
  Events,
  RESTEvents,
  type Client,
  type ClientOptions,
  type RESTOptions,
} from 'discord.js';
import type { DestinationStream, Logger } from 'pino';
import { commandDefinitions, commands as defaultCommands } from '../commands/index.js';
import type { Command, CommandContext } from '../commands/types.js';
import { describeConfig, loadConfig, type Config, type Env } from '../config.js';
import { loadKnowledge } from '../knowledge/index.js';
import type { Knowledge } from '../knowledge/types.js';
import { createLogger } from '../logger.js';
import { createClient, inviteUrl, type ShardSlice } from './client.js';
import { Cooldown } from './cooldown.js';
import { createFeedbackComponents } from './feedback.js';
import { notifyClientCreated, notifyError, type BotHooks } from './hooks.js';
import { guardGatewayPayloads } from './payload-guard.js';
import { createInteractionRouter, createMessageRouter } from './router.js';
import { explainStartupError, StartupError } from './startup-errors.js';
import { syncCommands, type SyncResult } from './sync.js';

export type { BotHooks, AnswerVia, FeedbackVote } from './hooks.js';
export { StartupError, explainStartupError, unreachableMessage } from './startup-errors.js';

export interface StartBotOptions {
  readonly config: Config;
  readonly knowledge: Knowledge;
  readonly logger: Logger;
  /** Observers for metrics/health (clientCreated, answered, feedback, error). */
  readonly hooks?: BotHooks;
  /** Test-only REST tuning, e.g. `{ globalRequestsPerSecond: 500, timeout: 5_000 }`. */
  readonly restOptions?: Partial<RESTOptions>;
  /** Client overrides for tests, e.g. `{ waitGuildTimeout: 0 }`. */
  readonly clientOptions?: Partial<ClientOptions>;
  /** Default: the static list in src/commands/index.ts. */
  readonly commands?: readonly Command[];
  /** Register slash commands on startup (default true). */
  readonly syncCommands?: boolean;
  /** How long to wait for the gateway READY (default 60 s). */
  readonly readyTimeoutMs?: number;
  /** The shards this process runs; default discord.js's: shard 0 of 1. */
  readonly shards?: ShardSlice;
}

export interface RunningBot {
  readonly client: Client<true>;
  /** The application id commands are registered under. */
  readonly applicationId: string;
  /** What the startup command sync did; undefined when disabled or failed (the failure is logged). */
  readonly sync: SyncResult | undefined;
  /** Destroys the client (closes the gateway); idempotent. */
  stop(): Promise<void>;
}


export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, knowledge, hooks = {}, readyTimeoutMs = 60_000 } = options;
  const logger = options.logger.child({ module: 'bot' });
  const commands = options.commands ?? defaultCommands;

  const client = createClient({
    apiUrl: config.apiUrl,
    readsAnswerChannels: config.answerChannelIds.length > 0,
    ...(options.restOptions ? { restOptions: options.restOptions } : {}),
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    ...(options.shards ? { shards: options.shards } : {}),
  });
  notifyClientCreated(hooks, logger, client);
  guardGatewayPayloads(client, { logger, hooks });

  const context: CommandContext = {
    knowledge,
    logger: options.logger.child({ module: 'commands' }),
    hooks,
    answerChannelIds: config.answerChannelIds,
    feedbackSecret: process.env['FEEDBACK_SECRET'] || undefined,
  };
  const routeInteraction = createInteractionRouter({ commands, context, components: [createFeedbackComponents()] });
  const routeMessage = createMessageRouter({
    context: {
      knowledge,
      logger: options.logger,
      hooks,
      cooldown: new Cooldown(config.userCooldownSeconds),
      answerChannelIds: new Set(config.answerChannelIds),
    },
  });

  let stopping: Promise<void> | undefined;

  // The routers never reject; the catch is a last line of defence.
  client.on(Events.InteractionCreate, (interaction) => {
    routeInteraction(interaction).catch((err: unknown) => logger.error({ err, interactionId: interaction.id }, 'router bug'));
  });
  client.on(Events.MessageCreate, (message) => {
    routeMessage(message).catch((err: unknown) => logger.error({ err, messageId: message.id }, 'message router bug'));
  });
  client.on(Events.Error, (err) => {
    logger.error({ err }, 'discord client error');
    notifyError(hooks, logger, err, 'client');
  });
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, 'gateway connection closed and will not reconnect'),
  );
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping) logger.info({ shardId }, 'reconnecting to the gateway');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway session resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn({ route: info.route, method: info.method, global: info.global, retryAfterMs: info.retryAfter }, 'rate limited by Discord'),
  );
  // RateLimited fires only when discord.js waits ahead of time; a 429 Discord answers is seen here.
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) {
      logger.warn({ route: request.route, method: request.method, retryAfter: response.headers.get('retry-after') }, 'Discord answered 429: retrying');
    }
  });

  const stop = () => {
    stopping ??= (async () => {
      logger.info('disconnecting from Discord');
      await client.destroy();
    })();
    return stopping;
  };

  try {
    // Whichever fails first is reported: login (bad token, refused intents) or the READY timeout.
    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(readyTimeoutMs) });
    await Promise.all([client.login(config.discordToken), ready]);
  } catch (err) {
    await stop().catch(() => undefined);
    if (err instanceof Error && err.name === 'AbortError') {
      throw new StartupError(
        `Discord did not get ready within ${Math.round(readyTimeoutMs / 1000)} s: check this machine's network connection, any proxy or firewall between it and Discord, and DISCORD_API_URL.`,
        { cause: err },
      );
    }
    throw explainStartupError(err, config.apiUrl);
  }

  const ready = client as Client<true>;
  const gatewayAppId = ready.application.id;
  if (config.clientId && config.clientId !== gatewayAppId) {
    logger.warn(
      { configured: config.clientId, fromToken: gatewayAppId },
      'DISCORD_CLIENT_ID does not match the application of DISCORD_TOKEN; using the token’s application',
    );
  }
  const applicationId = gatewayAppId;
  // The first line after READY: who we are, and the link that adds the bot to a server.
  logger.info(
    {
      invite: inviteUrl(applicationId),
      user: ready.user.tag,
      userId: ready.user.id,
      applicationId,
      guilds: ready.guilds.cache.size,
      ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    },
    'connected to Discord',
  );

  let sync: SyncResult | undefined;
  if (options.syncCommands ?? true) {
    try {
      sync = await syncCommands({
        rest: ready.rest,
        applicationId,
        guildId: config.guildId,
        commands: commandDefinitions(commands),
        logger,
      });
    } catch (err) {
      // Mentions and DMs still work without slash commands: keep running.
      logger.error({ err, guildId: config.guildId }, 'could not register slash commands');
      notifyError(hooks, logger, err, 'sync');
    }
  }
  return { client: ready, applicationId, sync, stop };
}

export interface RunFromEnvOptions
  extends Pick<StartBotOptions, 'hooks' | 'restOptions' | 'clientOptions' | 'syncCommands' | 'readyTimeoutMs' | 'shards'> {
  /** Use this logger instead of creating one from LOG_LEVEL. */
  readonly logger?: Logger;
  /** Where the created logger writes (default stdout). Ignored when `logger` is given. */
  readonly logDestination?: DestinationStream;
  /** Default: `loadKnowledge()` (the bundled fact base). */
  readonly knowledge?: Knowledge;
}

export interface RunningFromEnv extends RunningBot {
  readonly config: Config;
  readonly logger: Logger;
}

/**
 * Config from `env`, then `runWithConfig`. Used by end-to-end tests and benchmarks.
 * @throws ConfigError or StartupError (one line for people, `cause` attached) or an unexpected error.
 */
export async function runFromEnv(env: Env, options: RunFromEnvOptions = {}): Promise<RunningFromEnv> {
  return runWithConfig(loadConfig(env), options);
}

/**
 * Logger (unless given) → knowledge → `startBot`, with a config loaded once by the caller.
 * @throws StartupError (one line for people, `cause` attached) or an unexpected error.
 */
export async function runWithConfig(config: Config, options: RunFromEnvOptions = {}): Promise<RunningFromEnv> {
  const logger =
    options.logger ??
    createLogger({
      level: config.logLevel,
      secrets: [config.discordToken, config.feedbackSecret],
      ...(options.logDestination ? { destination: options.logDestination } : {}),
    });
  logger.info(describeConfig(config), 'starting');
  let knowledge: Knowledge;
  try {
    knowledge = options.knowledge ?? loadKnowledge();
  } catch (err) {
    throw explainStartupError(err);
  }
  // Correct either way, only a slower start: the host should know how to get the fast one back.
  if (knowledge.prebuilt !== undefined && knowledge.prebuilt !== 'current') {
    logger.warn({ prebuilt: knowledge.prebuilt }, `prebuilt.json is ${knowledge.prebuilt}: the index was built from the facts' texts (run npm run build:index)`);
  }
  const bot = await startBot({
    config,
    knowledge,
    logger,
    ...(options.hooks ? { hooks: options.hooks } : {}),
    ...(options.restOptions ? { restOptions: options.restOptions } : {}),
    ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
    ...(options.syncCommands !== undefined ? { syncCommands: options.syncCommands } : {}),
    ...(options.readyTimeoutMs !== undefined ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
    ...(options.shards ? { shards: options.shards } : {}),
  });
  return { ...bot, config, logger };
}
