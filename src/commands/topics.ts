import { UserError } from '../bot/errors.js';
import { replyInTime, updateInTime } from '../bot/respond.js';
import { renderTopic, renderTopicList } from '../bot/views/topics.js';
import { slashCommand } from './builder.js';
import type { Command } from './types.js';

/** `/topics`: the fact base's topics; picking one lists its facts, picking a fact shows its full answer. */
export const command = {
  data: slashCommand('topics', 'Browse what the article covers, topic by topic.'),

  async execute(interaction, ctx) {
    await replyInTime(interaction, renderTopicList(ctx.knowledge), { ephemeral: true });
  },

  components: {
    namespace: 'topics',
    async handle(interaction, id, ctx) {
      if (id.kind !== 'topics:pick' || !interaction.isStringSelectMenu()) {
        throw new UserError("That control isn't valid anymore — run /topics again.");
      }
      const topicId = interaction.values[0];
      const view = topicId === undefined ? null : renderTopic(ctx.knowledge, topicId);
      if (!view) throw new UserError("That topic isn't in my fact base anymore — run /topics again.");
      // The fact menu in this view carries `qa:pick`, answered by /ask's component handler.
      await updateInTime(interaction, view);
    },
  },
} satisfies Command;
