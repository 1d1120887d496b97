import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { asReply, renderHelp } from '../bot/render.js';
import type { Command } from './types.js';

/** `/help`: what the bot knows, how to ask, and how answers are sourced. */
export const command = {
  data: new SlashCommandBuilder()
    .setName('help')
    .setDescription('What I know, how to ask me, and how my answers are sourced.')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall),

  async execute(interaction, ctx) {
    const view = renderHelp(ctx.knowledge, {
      botUserId: interaction.client.user?.id,
      answerChannelIds: ctx.answerChannelIds,
    });
    await interaction.reply(asReply(view, { ephemeral: true }));
  },
} satisfies Command;
