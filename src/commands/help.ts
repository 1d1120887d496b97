import { replyInTime } from '../bot/respond.js';
import { renderHelp } from '../bot/views/help.js';
import { slashCommand } from './builder.js';
import type { Command } from './types.js';

/** `/help`: what the bot knows, how to ask, and how answers are sourced. */
export const command = {
  data: slashCommand('help', 'What I know, how to ask me, and how my answers are sourced.'),

  async execute(interaction, ctx) {
    const view = renderHelp(ctx.knowledge, {
      botUserId: interaction.client.user?.id,
      answerChannelIds: ctx.answerChannelIds,
    });
    await replyInTime(interaction, view, { ephemeral: true });
  },
} satisfies Command;
