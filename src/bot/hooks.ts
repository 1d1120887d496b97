import type { Logger } from 'pino';
import type { Answer } from '../knowledge/types.js';

export type AnswerVia = 'slash' | 'message' | 'component';

/**
 * Observers for metrics and health checks. Hooks run synchronously after the reply was sent;
 * a throwing hook is logged and never affects the user.
 */
export interface BotHooks {
  /** An answer (or an abstention) was delivered; `ms` is the handling time up to the sent reply. */
  answered?(answer: Answer, ms: number, via: AnswerVia): void;
  /** A bug was caught at an error boundary; `where` is e.g. `interaction:/ask`, `message`, `sync`. */
  error?(err: unknown, where: string): void;
}

export function notifyAnswered(
  hooks: BotHooks,
  logger: Logger,
  answer: Answer,
  startedAt: number,
  via: AnswerVia,
): void {
  const ms = performance.now() - startedAt;
  logger.debug(
    { via, answered: answer.answered, factId: answer.factId, confidence: answer.confidence, ms: Math.round(ms * 100) / 100 },
    'answered',
  );
  try {
    hooks.answered?.(answer, ms, via);
  } catch (err) {
    logger.warn({ err }, 'the answered hook threw');
  }
}

export function notifyError(hooks: BotHooks, logger: Logger, err: unknown, where: string): void {
  try {
    hooks.error?.(err, where);
  } catch (hookErr) {
    logger.warn({ err: hookErr }, 'the error hook threw');
  }
}
