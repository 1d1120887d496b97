/**
 * The curator's feedback loop: 👍/👎 under every answer (`v1:fb:up|down:<factId>`).
 *
 * A vote becomes one log line, `{ event: 'feedback', factId, vote, voter }`, that `npm run report`
 * counts: one vote per voter and fact, the last one winning. `voter` is a keyed hash
 * (HMAC-SHA256 of the user id and the fact id with the install's FEEDBACK_SECRET), so the same
 * person voting again after a restart is recognised without any user id being stored or logged.
 * Clicking the other button changes the vote; clicking the same one again changes nothing.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ComponentHandler } from '../commands/types.js';
import { UserError } from './errors.js';
import { notifyFeedback, type FeedbackVote } from './hooks.js';
import { replyInTime } from './respond.js';
import { renderNotice } from './views/layout.js';

export const FEEDBACK_THANKS = 'Thanks — noted.';
export const FEEDBACK_CHANGED = 'Changed — your vote on this answer is now the one you just clicked.';
export const FEEDBACK_ALREADY = 'You already rated this answer that way — thanks.';
const REMEMBERED_VOTES = 10_000;

/** Without FEEDBACK_SECRET: one random secret for this process (votes repeated after a restart count again). */
let processSecret: string | undefined;

/** The voter's keyed hash for one fact: stable for one install's secret, meaningless without it. */
function voterHash(secret: string, userId: string, factId: string): string {
  return createHmac('sha256', secret).update(`${userId}\u0000${factId}`).digest('hex').slice(0, 32);
}

export function createFeedbackComponents(): ComponentHandler {
  // Insertion-ordered: the oldest entries are forgotten first.
  const votes = new Map<string, FeedbackVote>();
  return {
    namespace: 'fb',
    async handle(interaction, id, ctx) {
      if ((id.kind !== 'fb:up' && id.kind !== 'fb:down') || !interaction.isButton()) {
        throw new UserError("That control isn't valid anymore — ask again.");
      }
      if (!ctx.knowledge.fact(id.factId)) throw new UserError("That answer isn't in my fact base anymore — ask again.");
      let secret = ctx.feedbackSecret;
      if (secret === undefined || secret === '') {
        if (processSecret === undefined) {
          processSecret = randomBytes(32).toString('hex');
          ctx.logger.warn('FEEDBACK_SECRET is not set: voters are hashed with a random per-process secret, so a vote repeated after a restart counts again');
        }
        secret = processSecret;
      }
      const vote: FeedbackVote = id.kind === 'fb:up' ? 'up' : 'down';
      const voter = voterHash(secret, interaction.user.id, id.factId);
      const key = `${interaction.message.id}:${voter}`;
      const previous = votes.get(key);
      if (previous === vote) {
        await replyInTime(interaction, renderNotice(FEEDBACK_ALREADY), { ephemeral: true });
        return;
      }
      votes.delete(key);
      votes.set(key, vote);
      if (votes.size > REMEMBERED_VOTES) votes.delete(votes.keys().next().value as string);
      await replyInTime(interaction, renderNotice(previous === undefined ? FEEDBACK_THANKS : FEEDBACK_CHANGED), { ephemeral: true });
      ctx.logger.info({ event: 'feedback', factId: id.factId, vote, voter }, 'feedback');
      notifyFeedback(ctx.hooks, ctx.logger, id.factId, vote);
    },
  };
}
