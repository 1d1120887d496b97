import { UserError } from '../bot/errors.js';
import { asReply, asUpdate, renderSentence, renderSourcePage } from '../bot/render.js';
import { slashCommand } from './builder.js';
import type { Command } from './types.js';

/**
 * `/source`: without an option, the article page by page (private, Prev/Next buttons);
 * with `sentence:`, that sentence and its neighbours (public — it's a citation to share).
 */
export const command = {
  data: slashCommand('source', 'Read the article: all of it, numbered sentence by sentence, or one sentence in context.')
    .addIntegerOption((o) =>
      o.setName('sentence').setDescription('A sentence number (answers cite them) to show with its neighbours').setMinValue(1),
    ),

  async execute(interaction, ctx) {
    const n = interaction.options.getInteger('sentence');
    if (n === null) {
      await interaction.reply(asReply(renderSourcePage(ctx.knowledge, 1), { ephemeral: true }));
      return;
    }
    const view = renderSentence(ctx.knowledge, n);
    if (!view) {
      const total = ctx.knowledge.article.sentences.length;
      throw new UserError(
        `There is no sentence ${n}: the article has ${total} sentences, numbered 1 to ${total}. Use /source without a number to read them all.`,
      );
    }
    await interaction.reply(asReply(view, { ephemeral: false }));
  },

  components: {
    namespace: 'src',
    async handle(interaction, id, ctx) {
      if (id.kind !== 'src:page' || !interaction.isButton()) {
        throw new UserError("That control isn't valid anymore — run /source again.");
      }
      await interaction.update(asUpdate(renderSourcePage(ctx.knowledge, id.page)));
    },
  },
} satisfies Command;
