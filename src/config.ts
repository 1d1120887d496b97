import { z } from 'zod';

/**
 * The bot's configuration, read from environment variables (see `.env.example`).
 * Pure: `loadConfig(env)` reads only the object it is given (default `process.env`).
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_COOLDOWN_SECONDS = 3;
const MAX_COOLDOWN_SECONDS = 3600;
export const DEFAULT_HEALTH_HOST = '127.0.0.1';
/** `npm run start:sharded` spawns at most this many shard processes. */
export const MAX_SHARD_COUNT = 1024;

export interface Config {
  readonly discordToken: string;
  /** The application id, if known in advance; otherwise read from the gateway READY. */
  readonly clientId: string | undefined;
  /** Register commands to this server only (instant) instead of globally. */
  readonly guildId: string | undefined;
  /** REST base without a trailing slash, same meaning as discord.js `rest.api`. */
  readonly apiUrl: string;
  /** Channels where question-like messages are answered without a mention. */
  readonly answerChannelIds: readonly string[];
  readonly logLevel: LogLevel;
  /** 0 disables the per-user cooldown. */
  readonly userCooldownSeconds: number;
  /** Port of the /healthz + /metrics listener (each shard binds this + its shard id); undefined: off. */
  readonly healthPort: number | undefined;
  /** Interface the health listener binds; 127.0.0.1 unless HEALTH_HOST says otherwise. */
  readonly healthHost: string;
  /** Shards `npm run start:sharded` runs: 'auto' (Discord's recommendation) or a number. */
  readonly shardCount: 'auto' | number;
}

/** A missing or malformed variable: `message` is one line naming it and what to do. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly variable: string,
  ) {
    super(message);
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

const SNOWFLAKE = /^\d{17,20}$/;

/** Shows a (non-secret) bad value in an error line without flooding the terminal. */
function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine);
}

/** Blank values (`DISCORD_GUILD_ID=` in a .env file) mean "not set". */
const optionalText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
  z.string().optional(),
);

export const NO_TOKEN_MESSAGE =
  'DISCORD_TOKEN is not set: copy .env.example to .env and put your bot token there ' +
  '(Discord Developer Portal → your application → Bot → Reset Token), ' +
  'or try the answers offline without Discord: npm run ask -- "Who are the guarantor countries?"';

const token = optionalText.superRefine((v, ctx) => {
  if (v === undefined) {
    ctx.addIssue({ code: 'custom', message: NO_TOKEN_MESSAGE });
  } else if (/^(Bot|Bearer)\s/i.test(v)) {
    ctx.addIssue({
      code: 'custom',
      message: 'DISCORD_TOKEN must be the bare token, without the "Bot " prefix: remove it in your .env file.',
    });
  } else if (/\s/.test(v)) {
    // Never echo the token, not even a bad one.
    ctx.addIssue({
      code: 'custom',
      message: 'DISCORD_TOKEN contains whitespace: paste the token again as one word in your .env file.',
    });
  }
});

function snowflake(variable: string, hint: string) {
  return optionalText.superRefine((v, ctx) => {
    if (v !== undefined && !SNOWFLAKE.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: `${variable} must be a Discord id (17–20 digits), got ${shown(v)}: ${hint}`,
      });
    }
  });
}

const apiUrl = optionalText.transform((v, ctx) => {
  if (v === undefined) return DEFAULT_API_URL;
  let url: URL | undefined;
  try {
    url = new URL(v);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    ctx.addIssue({
      code: 'custom',
      message: `DISCORD_API_URL must be an http(s) URL like ${DEFAULT_API_URL}, got ${shown(v)}: fix it or leave it empty for Discord itself.`,
    });
    return z.NEVER;
  }
  const base = v.replace(/\/+$/, '');
  if (/\/v\d+$/.test(base)) {
    ctx.addIssue({
      code: 'custom',
      message: `DISCORD_API_URL must not include the API version (got ${shown(v)}): use the base, like ${DEFAULT_API_URL}.`,
    });
    return z.NEVER;
  }
  return base;
});

const channelIds = optionalText.transform((v, ctx) => {
  if (v === undefined) return [] as string[];
  const ids = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = ids.find((id) => !SNOWFLAKE.test(id));
  if (bad !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `ANSWER_CHANNEL_IDS must be comma-separated channel ids (17–20 digits each), but ${shown(bad)} is not one: right-click a channel with Developer Mode on → Copy Channel ID, or leave it empty.`,
    });
    return z.NEVER;
  }
  return [...new Set(ids)];
});

const logLevel = optionalText.transform((v, ctx): LogLevel => {
  if (v === undefined) return 'info';
  const lower = v.toLowerCase();
  const level = LOG_LEVELS.find((l) => l === lower);
  if (level === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${shown(v)}: fix it or leave it empty for info.`,
    });
    return z.NEVER;
  }
  return level;
});

const cooldown = optionalText.transform((v, ctx) => {
  if (v === undefined) return DEFAULT_COOLDOWN_SECONDS;
  const n = /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isFinite(n) || n > MAX_COOLDOWN_SECONDS) {
    ctx.addIssue({
      code: 'custom',
      message: `USER_COOLDOWN_SECONDS must be a number of seconds from 0 to ${MAX_COOLDOWN_SECONDS} (0 disables it), got ${shown(v)}: fix it or leave it empty for ${DEFAULT_COOLDOWN_SECONDS}.`,
    });
    return z.NEVER;
  }
  return n;
});

const healthPort = optionalText.transform((v, ctx) => {
  if (v === undefined) return undefined;
  const n = /^\d{1,5}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    ctx.addIssue({
      code: 'custom',
      message: `HEALTH_PORT must be a TCP port from 1 to 65535, got ${shown(v)}: fix it, or leave it empty to turn the health and metrics listener off.`,
    });
    return z.NEVER;
  }
  return n;
});

const healthHost = optionalText.transform((v, ctx) => {
  if (v === undefined) return DEFAULT_HEALTH_HOST;
  // An IPv4/IPv6 address or a host name; brackets around IPv6 are accepted and removed.
  const host = v.replace(/^\[(.*)\]$/, '$1');
  if (!/^[A-Za-z0-9._:-]{1,253}$/.test(host)) {
    ctx.addIssue({
      code: 'custom',
      message: `HEALTH_HOST must be an address to listen on, like 127.0.0.1 or 0.0.0.0, got ${shown(v)}: fix it or leave it empty for ${DEFAULT_HEALTH_HOST}.`,
    });
    return z.NEVER;
  }
  return host;
});

const shardCount = optionalText.transform((v, ctx): 'auto' | number => {
  if (v === undefined || v.toLowerCase() === 'auto') return 'auto';
  const n = /^\d{1,4}$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SHARD_COUNT) {
    ctx.addIssue({
      code: 'custom',
      message: `SHARD_COUNT must be auto or a number of shards from 1 to ${MAX_SHARD_COUNT}, got ${shown(v)}: fix it or leave it empty for auto.`,
    });
    return z.NEVER;
  }
  return n;
});

/** Key order is the order problems are reported in: the token first. */
const schema = z.object({
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: snowflake(
    'DISCORD_CLIENT_ID',
    'copy the Application ID from the Developer Portal (General Information), or leave it empty.',
  ),
  DISCORD_GUILD_ID: snowflake(
    'DISCORD_GUILD_ID',
    'right-click your server with Developer Mode on → Copy Server ID, or leave it empty to register commands globally.',
  ),
  DISCORD_API_URL: apiUrl,
  ANSWER_CHANNEL_IDS: channelIds,
  LOG_LEVEL: logLevel,
  USER_COOLDOWN_SECONDS: cooldown,
  HEALTH_PORT: healthPort,
  HEALTH_HOST: healthHost,
  SHARD_COUNT: shardCount,
});

/**
 * Validates the environment and returns a frozen config.
 * @throws ConfigError whose message is one line naming the variable and what to do.
 */
export function loadConfig(env: Env = process.env): Config {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) picked[key] = env[key];
  const result = schema.safeParse(picked);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const message = issue?.code === 'custom' ? issue.message : `${variable} is malformed: check it in your .env file.`;
    throw new ConfigError(message, variable);
  }
  const e = result.data;
  const config: Config = {
    discordToken: e.DISCORD_TOKEN ?? '',
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL,
    answerChannelIds: Object.freeze([...e.ANSWER_CHANNEL_IDS]),
    logLevel: e.LOG_LEVEL,
    userCooldownSeconds: e.USER_COOLDOWN_SECONDS,
    healthPort: e.HEALTH_PORT,
    healthHost: e.HEALTH_HOST,
    shardCount: e.SHARD_COUNT,
  };
  // If a config object is ever logged or inspected by mistake, the token stays out of it.
  const redacted = () => ({ ...config, discordToken: '[redacted]' });
  Object.defineProperty(config, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(config, Symbol.for('nodejs.util.inspect.custom'), { value: redacted, enumerable: false });
  return Object.freeze(config);
}

/** A loggable summary: no token, just what helps when reading logs. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    apiUrl: config.apiUrl,
    clientId: config.clientId ?? '(from gateway)',
    commandScope: config.guildId ? `guild ${config.guildId}` : 'global',
    answerChannels: config.answerChannelIds.length,
    logLevel: config.logLevel,
    userCooldownSeconds: config.userCooldownSeconds,
    health: config.healthPort === undefined ? 'off' : `${config.healthHost}:${config.healthPort}`,
  };
}
