import type { Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Answer } from '../knowledge/types.js';

export type AnswerVia = 'slash' | 'message' | 'component';
export type FeedbackVote = 'up' | 'down';

/**
 * Observers for metrics and health checks. Each hook runs synchronously when its event happens:
 * `clientCreated` before login, `answered` and `feedback` after the reply was sent, `error` and
 * `droppedPayload` when caught. A throwing hook is logged and never affects the user.
 */
export interface BotHooks {
  /** The client was created, before login: health checks read its readiness, metrics its ping. */
  clientCreated?(client: Client): void;
  /** An answer (or an abstention) was delivered; `ms` is the handling time up to the sent reply. */
  answered?(answer: Answer, ms: number, via: AnswerVia): void;
  /** Someone pressed 👍 or 👎 under the answer of fact `factId` (and it was acknowledged). */
  feedback?(factId: string, vote: FeedbackVote): void;
  /** A bug was caught at an error boundary; `where` is e.g. `interaction:/ask`, `message`, `sync`. */
  error?(err: unknown, where: string): void;
  /** A malformed gateway dispatch (`event`, e.g. INTERACTION_CREATE) was dropped; `reason` says why. */
  droppedPayload?(event: string, reason: string): void;
}

/** Abstained questions are logged for the curator; longer ones are cut to this many characters. */
export const LOGGED_QUESTION_MAX = 300;

/**
 * The text of an unanswered question as it is logged: mentions typed into it (`<@id>`, `<@&id>`,
 * `<#id>`) become `@user`, `@role`, `#channel`, so no user, role or channel id reaches the log.
 */
export function loggableQuestion(question: string): string {
  return question
    .replace(/<@!?\d+>/g, '@user')
    .replace(/<@&\d+>/g, '@role')
    .replace(/<#\d+>/g, '#channel')
    .slice(0, LOGGED_QUESTION_MAX);
}

/**
 * Reports a delivered answer: one `event` log line for the curator's report (`npm run report`)
 * and the `answered` hook. Answered questions are logged by fact id only, never their text;
 * abstentions with the question text (what the fact base lacks). Neither carries user or guild ids.
 */
export function notifyAnswered(
  hooks: BotHooks,
  logger: Logger,
  answer: Answer,
  startedAt: number,
  via: AnswerVia,
): void {
  const ms = performance.now() - startedAt;
  const loggedMs = Math.round(ms * 100) / 100;
  if (answer.answered) {
    logger.info({ event: 'answered', factId: answer.factId, via, confidence: answer.confidence, ms: loggedMs }, 'answered');
  } else {
    logger.info({ event: 'abstained', via, question: loggableQuestion(answer.question), ms: loggedMs }, 'abstained');
  }
  try {
    hooks.answered?.(answer, ms, via);
  } catch (err) {
    logger.warn({ err }, 'the answered hook threw');
  }
}

export function notifyFeedback(hooks: BotHooks, logger: Logger, factId: string, vote: FeedbackVote): void {
  try {
    hooks.feedback?.(factId, vote);
  } catch (err) {
    logger.warn({ err }, 'the feedback hook threw');
  }
}

export function notifyClientCreated(hooks: BotHooks, logger: Logger, client: Client): void {
  try {
    hooks.clientCreated?.(client);
  } catch (err) {
    logger.warn({ err }, 'the clientCreated hook threw');
  }
}

export function notifyError(hooks: BotHooks, logger: Logger, err: unknown, where: string): void {
  try {
    hooks.error?.(err, where);
  } catch (hookErr) {
    logger.warn({ err: hookErr }, 'the error hook threw');
  }
}

export function notifyDroppedPayload(hooks: BotHooks, logger: Logger, event: string, reason: string): void {
  try {
    hooks.droppedPayload?.(event, reason);
  } catch (err) {
    logger.warn({ err }, 'the droppedPayload hook threw');
  }
}
