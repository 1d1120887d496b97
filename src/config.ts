import { z } from 'zod';

/**
 * The bot's configuration, read from environment variables (see `.env.example`).
 * Pure: `loadConfig(env)` reads only the object it is given (default `process.env`), and reports
 * every problem at once, one line each.
 */

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const DEFAULT_API_URL = 'https://discord.com/api';
export const DEFAULT_COOLDOWN_SECONDS = 3;
const MAX_COOLDOWN_SECONDS = 3600;
export const DEFAULT_HEALTH_HOST = '127.0.0.1';
/** The most shards SHARD_COUNT may name. */
export const MAX_SHARD_COUNT = 1024;
const MIN_FEEDBACK_SECRET_LENGTH = 16;

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
  /** Port of the /healthz + /metrics listener (each shard process binds this + its shard id); undefined: off. */
  readonly healthPort: number | undefined;
  /** Interface the health listener binds; 127.0.0.1 unless HEALTH_HOST says otherwise. */
  readonly healthHost: string;
  /** Total shards over every host: 'auto' (Discord's recommendation), a number, or undefined (unset). */
  readonly shardCount: 'auto' | number | undefined;
  /** The shards this host runs (SHARD_IDS); undefined: all of them. */
  readonly shardIds: readonly number[] | undefined;
  /** Per-install secret for hashing voter ids (FEEDBACK_SECRET); undefined: not set. */
  readonly feedbackSecret: string | undefined;
}

export interface ConfigProblem {
  readonly variable: string;
  /** One line naming the variable and what to do. */
  readonly message: string;
}

/** Missing or malformed variables: `message` has one line per problem, in the order of `problems`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** The first problem's variable. */
  readonly variable: string;
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.variable = problems[0]?.variable ?? 'environment';
  }
}

export type Env = Readonly<Record<string, string | undefined>>;

const SNOWFLAKE = /^\d{17,20}$/;
/** Stands for the offending value in an error line; filled in from the environment (never for secrets). */
const GOT = '\u0000got\u0000';

/** Shows a (non-secret) bad value in an error line without flooding the terminal. */
function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine);
}

/** zod's `error` option for every check of one variable: the same line whatever failed. */
const says = (line: string) => ({ error: () => line });

/** Blank values (`DISCORD_GUILD_ID=` in a .env file) mean "not set"; others are trimmed. */
const blank = (v: unknown) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v);
const env = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema);

export const NO_TOKEN_MESSAGE =
  'DISCORD_TOKEN is not set: copy .env.example to .env and put your bot token there ' +
  '(Discord Developer Portal → your application → Bot → Reset Token), ' +
  'or try the answers offline without Discord: npm run ask -- "your question"';

// Never echo the token, not even a bad one.
const token = env(
  z
    .string(says(NO_TOKEN_MESSAGE))
    .refine((v) => !/^(Bot|Bearer)\s/i.test(v), says('DISCORD_TOKEN must be the bare token, without the "Bot " prefix: remove it in your .env file.'))
    .refine((v) => !/\s/.test(v), says('DISCORD_TOKEN contains whitespace: paste the token again as one word in your .env file.')),
);

const snowflake = (variable: string, hint: string) =>
  env(z.string().regex(SNOWFLAKE, says(`${variable} must be a Discord id (17–20 digits), got ${GOT}: ${hint}`)).optional());

const apiUrl = env(
  z
    .url({ protocol: /^https?$/, ...says(`DISCORD_API_URL must be an http(s) URL like ${DEFAULT_API_URL}, got ${GOT}: fix it or leave it empty for Discord itself.`) })
    .transform((v) => v.replace(/\/+$/, ''))
    .refine((v) => !/\/v\d+$/.test(v), says(`DISCORD_API_URL must not include the API version (got ${GOT}): use the base, like ${DEFAULT_API_URL}.`))
    .default(DEFAULT_API_URL),
);

const channelIds = env(
  z
    .string()
    .transform((v) => [...new Set(v.split(',').map((s) => s.trim()).filter((s) => s !== ''))])
    .pipe(
      z.array(
        z.string().regex(SNOWFLAKE, {
          error: (issue) =>
            `ANSWER_CHANNEL_IDS must be comma-separated channel ids (17–20 digits each), but ${shown(String(issue.input))} is not one: right-click a channel with Developer Mode on → Copy Channel ID, or leave it empty.`,
        }),
      ),
    )
    .default([]),
);

const logLevel = env(
  z
    .preprocess(
      (v) => (typeof v === 'string' ? v.toLowerCase() : v),
      z.enum(LOG_LEVELS, says(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${GOT}: fix it or leave it empty for info.`)),
    )
    .default('info'),
);

const COOLDOWN = says(
  `USER_COOLDOWN_SECONDS must be a number of seconds from 0 to ${MAX_COOLDOWN_SECONDS} (0 disables it), got ${GOT}: fix it or leave it empty for ${DEFAULT_COOLDOWN_SECONDS}.`,
);
const cooldown = env(z.coerce.number(COOLDOWN).min(0, COOLDOWN).max(MAX_COOLDOWN_SECONDS, COOLDOWN).default(DEFAULT_COOLDOWN_SECONDS));

const PORT = says(
  `HEALTH_PORT must be a TCP port from 1 to 65535, got ${GOT}: fix it, or leave it empty to turn the health and metrics listener off.`,
);
const healthPort = env(z.coerce.number(PORT).int(PORT).min(1, PORT).max(65535, PORT).optional());

// An IPv4/IPv6 address or a host name; brackets around IPv6 are accepted and removed.
const healthHost = env(
  z
    .string()
    .transform((v) => v.replace(/^\[(.*)\]$/, '$1'))
    .pipe(
      z
        .string()
        .regex(
          /^[A-Za-z0-9._:-]{1,253}$/,
          says(`HEALTH_HOST must be an address to listen on, like 127.0.0.1 or 0.0.0.0, got ${GOT}: fix it or leave it empty for ${DEFAULT_HEALTH_HOST}.`),
        ),
    )
    .default(DEFAULT_HEALTH_HOST),
);

const SHARDS = says(
  `SHARD_COUNT must be auto or a number of shards from 1 to ${MAX_SHARD_COUNT}, got ${GOT}: fix it or leave it empty (one shard for npm start, auto for npm run start:sharded).`,
);
const shardCount = env(
  z
    .union([z.string().regex(/^auto$/i, SHARDS).transform(() => 'auto' as const), z.coerce.number(SHARDS).int(SHARDS).min(1, SHARDS).max(MAX_SHARD_COUNT, SHARDS)], SHARDS)
    .optional(),
);

/** "0,2,5" or "0-3" (or a mix, "0-1,4"): sorted, without repeats. */
export function parseShardIds(text: string): number[] | undefined {
  const ids = new Set<number>();
  for (const part of text.split(',').map((s) => s.trim())) {
    const m = /^(\d{1,4})(?:\s*-\s*(\d{1,4}))?$/.exec(part);
    if (!m) return undefined;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return undefined;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

const shardIds = env(
  z
    .string()
    .transform((v, ctx) => {
      const ids = parseShardIds(v);
      if (ids) return ids;
      ctx.addIssue({
        code: 'custom',
        message: `SHARD_IDS must be shard ids as a list or a range, like 0,2 or 0-1, got ${GOT}: fix it or leave it empty to run every shard.`,
      });
      return z.NEVER;
    })
    .optional(),
);

const feedbackSecret = env(
  z
    .string()
    .min(MIN_FEEDBACK_SECRET_LENGTH, says(`FEEDBACK_SECRET must be at least ${MIN_FEEDBACK_SECRET_LENGTH} characters: generate one with openssl rand -hex 32, or leave it empty.`))
    .optional(),
);

/** Key order is the order problems are reported in: the token first. */
const schema = z.object({
  DISCORD_TOKEN: token,
  DISCORD_CLIENT_ID: snowflake('DISCORD_CLIENT_ID', 'copy the Application ID from the Developer Portal (General Information), or leave it empty.'),
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
  SHARD_IDS: shardIds,
  FEEDBACK_SECRET: feedbackSecret,
});
type Parsed = z.infer<typeof schema>;

/** Rules across variables, checked once each variable is valid on its own. */
function crossProblems(e: Parsed): ConfigProblem[] {
  if (e.SHARD_IDS === undefined) return [];
  if (e.SHARD_COUNT === undefined) {
    return [{ variable: 'SHARD_IDS', message: 'SHARD_IDS needs SHARD_COUNT, the total number of shards over every host (or auto): set it, or leave SHARD_IDS empty.' }];
  }
  const count = e.SHARD_COUNT;
  const outside = count === 'auto' ? [] : e.SHARD_IDS.filter((id) => id >= count);
  if (outside.length === 0) return [];
  return [{ variable: 'SHARD_IDS', message: `SHARD_IDS names shard ${outside.join(', ')}, but SHARD_COUNT is ${count} (ids run from 0 to ${Number(count) - 1}): fix one of them.` }];
}

/**
 * Validates the environment and returns a frozen config.
 * @throws ConfigError listing every problem, one line each, naming the variable and what to do.
 */
export function loadConfig(env: Env = process.env): Config {
  const picked: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) picked[key] = env[key];
  const result = schema.safeParse(picked);
  const problems: ConfigProblem[] = [];
  if (!result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? 'environment');
      if (seen.has(variable)) continue; // one line per variable
      seen.add(variable);
      const message = issue.message.includes(GOT)
        ? issue.message.replace(GOT, shown(String(env[variable] ?? '')))
        : issue.message.startsWith(variable)
          ? issue.message
          : `${variable} is malformed: check it in your .env file.`;
      problems.push({ variable, message });
    }
  } else {
    problems.push(...crossProblems(result.data));
  }
  if (!result.success || problems.length > 0) throw new ConfigError(problems);

  const e = result.data;
  const config: Config = {
    discordToken: e.DISCORD_TOKEN,
    clientId: e.DISCORD_CLIENT_ID,
    guildId: e.DISCORD_GUILD_ID,
    apiUrl: e.DISCORD_API_URL,
    answerChannelIds: Object.freeze([...e.ANSWER_CHANNEL_IDS]),
    logLevel: e.LOG_LEVEL,
    userCooldownSeconds: e.USER_COOLDOWN_SECONDS,
    healthPort: e.HEALTH_PORT,
    healthHost: e.HEALTH_HOST,
    shardCount: e.SHARD_COUNT,
    shardIds: e.SHARD_IDS ? Object.freeze([...e.SHARD_IDS]) : undefined,
    feedbackSecret: e.FEEDBACK_SECRET,
  };
  // If a config object is ever logged or inspected by mistake, the secrets stay out of it.
  const redacted = () => ({ ...config, discordToken: '[redacted]', feedbackSecret: config.feedbackSecret && '[redacted]' });
  Object.defineProperty(config, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(config, Symbol.for('nodejs.util.inspect.custom'), { value: redacted, enumerable: false });
  return Object.freeze(config);
}

/** A loggable summary: no secrets, just what helps when reading logs. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    apiUrl: config.apiUrl,
    clientId: config.clientId ?? '(from gateway)',
    commandScope: config.guildId ? `guild ${config.guildId}` : 'global',
    answerChannels: config.answerChannelIds.length,
    logLevel: config.logLevel,
    userCooldownSeconds: config.userCooldownSeconds,
    health: config.healthPort === undefined ? 'off' : `${config.healthHost}:${config.healthPort}`,
    feedbackSecretSet: config.feedbackSecret !== undefined,
  };
}
