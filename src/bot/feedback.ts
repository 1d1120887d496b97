/**
 * The curator's feedback loop: 👍/👎 under every answer (`v1:fb:up|down:<factId>`).
 *
 * A vote becomes one log line, `{ event: 'feedback', factId, vote }` — no user, guild or message
 * content — that `npm run report` counts per fact. The clicker gets a private "Thanks — noted.".
 * Repeated clicks by the same person on the same answer count once: who clicked what is kept in
 * memory only (bounded), never logged.
 */
import type { ComponentHandler } from '../commands/types.js';
import { UserError } from './errors.js';
import { notifyFeedback, type FeedbackVote } from './hooks.js';
import { asReply, renderNotice } from './render.js';

export const FEEDBACK_THANKS = 'Thanks — noted.';
export const FEEDBACK_ALREADY = 'You already rated this answer — thanks.';
const REMEMBERED_VOTES = 10_000;

export function createFeedbackComponents(): ComponentHandler {
  // Insertion-ordered: the oldest entries are forgotten first.
  const voted = new Set<string>();
  return {
    namespace: 'fb',
    async handle(interaction, id, ctx) {
      if ((id.kind !== 'fb:up' && id.kind !== 'fb:down') || !interaction.isButton()) {
        throw new UserError("That control isn't valid anymore — ask again.");
      }
      const vote: FeedbackVote = id.kind === 'fb:up' ? 'up' : 'down';
      const key = `${interaction.message.id}:${interaction.user.id}`;
      const first = !voted.has(key);
      if (first) {
        voted.add(key);
        if (voted.size > REMEMBERED_VOTES) voted.delete(voted.values().next().value as string);
      }
      await interaction.reply(asReply(renderNotice(first ? FEEDBACK_THANKS : FEEDBACK_ALREADY), { ephemeral: true }));
      if (!first) return;
      ctx.logger.info({ event: 'feedback', factId: id.factId, vote }, 'feedback');
      notifyFeedback(ctx.hooks, ctx.logger, id.factId, vote);
    },
  };
}
