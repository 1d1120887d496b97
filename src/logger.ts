import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

/** Paths pino censors wherever they appear in a log object. */
export const REDACT_PATHS: readonly string[] = [
  'token',
  '*.token',
  'discordToken',
  '*.discordToken',
  'config.discordToken',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'env.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'err.headers.authorization',
  // A DiscordAPIError carries the request URL, which for interactions holds a 15-minute token,
  // and the request body, which may hold a user's text.
  'err.url',
  'err.requestBody',
  '*.err.url',
  '*.err.requestBody',
  'feedbackSecret',
  '*.feedbackSecret',
  'FEEDBACK_SECRET',
  '*.FEEDBACK_SECRET',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where JSON lines go; default stdout (pino's default). Tests and CLIs pass their own. */
  destination?: DestinationStream;
  /**
   * Secret values (the bot token, FEEDBACK_SECRET) scrubbed from every line, wherever they appear —
   * in messages, error stacks or fields redaction paths don't know about.
   */
  secrets?: readonly (string | undefined)[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  // JSON-escaping could change how a secret is spelled inside a line; tokens are [A-Za-z0-9._-], so it does not.
  const scrub = secrets.length > 0 ? new RegExp(secrets.map(escapeRegExp).join('|'), 'g') : undefined;
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
      ...(scrub ? { hooks: { streamWrite: (line: string) => line.replace(scrub, '[redacted]') } } : {}),
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/** A child logger tagged with the module it belongs to. */
export function moduleLogger(parent: Logger, module: string): Logger {
  return parent.child({ module });
}
