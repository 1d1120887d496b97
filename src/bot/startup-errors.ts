/**
 * The startup failures people can fix (a bad token, an unreachable Discord, a refused intent, a
 * broken fact base), each turned into one line that says what to check.
 */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes } from 'discord.js';
import { ConfigError, DEFAULT_API_URL } from '../config.js';
import { KnowledgeError } from '../knowledge/index.js';

/**
 * A startup failure with one line for people (`message`); `cause` keeps the original error.
 * ConfigError is the other one-line failure (a variable is missing or malformed).
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

const INVALID_TOKEN =
  'Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token in the Developer Portal (your application → Bot → Reset Token) and put the new one in .env.';
const DISALLOWED_INTENTS =
  'Discord refused the Message Content intent that ANSWER_CHANNEL_IDS needs: enable it in the Developer Portal (your application → Bot → Message Content Intent), or leave ANSWER_CHANNEL_IDS empty.';

/** Error codes of a network that does not reach Discord (DNS, refused, reset, timed out, unroutable). */
const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** The network error somewhere in `err`'s cause chain, if any. */
function networkError(err: unknown): Error | undefined {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((typeof code === 'string' && NETWORK_CODES.has(code)) || e.name === 'AbortError') return e;
  }
  return undefined;
}

/** The line for a Discord that could not be reached: what failed and the three things to check. */
export function unreachableMessage(apiUrl: string, detail: string): string {
  return (
    `Could not reach Discord at ${apiUrl} (${detail}): check this machine's network connection, ` +
    `any proxy or firewall between it and Discord, and DISCORD_API_URL (leave it empty for ${DEFAULT_API_URL}).`
  );
}

/**
 * Turns the failures people can fix into a one-line StartupError; anything else is returned unchanged.
 * `apiUrl` (DISCORD_API_URL) is named when Discord could not be reached.
 */
export function explainStartupError(err: unknown, apiUrl: string = DEFAULT_API_URL): unknown {
  if (err instanceof ConfigError || err instanceof StartupError) return err;
  const network = networkError(err);
  if (network) return new StartupError(unreachableMessage(apiUrl, network.message.replace(/\s+/g, ' ')), { cause: err });
  if (
    (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid) ||
    (err instanceof DiscordAPIError && err.status === 401) ||
    (err instanceof Error && /authentication failed/i.test(err.message))
  ) {
    return new StartupError(INVALID_TOKEN, { cause: err });
  }
  if (err instanceof Error && /disallowed intents/i.test(err.message)) {
    return new StartupError(DISALLOWED_INTENTS, { cause: err });
  }
  if (err instanceof KnowledgeError) {
    const first = err.problems[0] ?? err.message;
    const more = err.problems.length > 1 ? ` (and ${err.problems.length - 1} more)` : '';
    return new StartupError(`The fact base is broken: ${first}${more}. Run npm run knowledge:check for the full list.`, {
      cause: err,
    });
  }
  return err;
}
