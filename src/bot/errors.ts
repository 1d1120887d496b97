import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, RESTJSONErrorCodes } from 'discord.js';

/**
 * A user's mistake (an out-of-range number, an expired button): the router shows `message`
 * privately and logs it at debug level only. Anything else thrown while handling is a bug.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
}

const codeOf = (err: unknown): number | string | undefined =>
  err instanceof DiscordAPIError ? err.code : undefined;

/** The bot may not post here (missing Send Messages / View Channel): an admin's setting, not a bug. */
export function isMissingPermissions(err: unknown): boolean {
  const code = codeOf(err);
  return code === RESTJSONErrorCodes.MissingPermissions || code === RESTJSONErrorCodes.MissingAccess;
}

/** The interaction expired (Discord's 3 s window passed): nothing can be sent on it. */
export function isExpiredInteraction(err: unknown): boolean {
  return codeOf(err) === RESTJSONErrorCodes.UnknownInteraction;
}

/**
 * Discord already has a response to this interaction: a re-sent request (discord.js retries after
 * its timeout) whose first copy got through, or a deferral that crossed a late reply. Delivered.
 */
export function isAlreadyAcknowledged(err: unknown): boolean {
  return (
    codeOf(err) === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged ||
    (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.InteractionAlreadyReplied)
  );
}

/**
 * The message being answered was deleted before the reply went out: Discord refuses a reply to it
 * (50035 on `message_reference`, or 10008). The asker withdrew the question — not a bug.
 */
export function isQuestionGone(err: unknown): boolean {
  if (!(err instanceof DiscordAPIError)) return false;
  if (err.code === RESTJSONErrorCodes.UnknownMessage) return true;
  const errors = (err.rawError as { errors?: Record<string, unknown> }).errors;
  return err.code === RESTJSONErrorCodes.InvalidFormBodyOrContentType && errors?.['message_reference'] !== undefined;
}

/** What the user sees when we have a bug: short, private where possible; the details are logged. */
export const APOLOGY = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';
