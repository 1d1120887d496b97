import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { Logger } from 'pino';
import type { CustomId, CustomIdNamespace } from '../bot/custom-ids.js';
import type { BotHooks } from '../bot/hooks.js';
import type { Knowledge } from '../knowledge/types.js';

/** What a command gets to work with: passed in by the router, never imported from the entry point. */
export interface CommandContext {
  readonly knowledge: Knowledge;
  readonly logger: Logger;
  readonly hooks: BotHooks;
  /** Channels where questions are answered without a mention (for /help). */
  readonly answerChannelIds: readonly string[];
  /** The install's secret for hashing voters (FEEDBACK_SECRET); unset: a random one per process. */
  readonly feedbackSecret?: string | undefined;
}

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

export interface Command {
  /** A slash command builder (or anything with a name that serialises to a command definition). */
  readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /** The buttons and menus this command's messages carry: custom_ids in `namespace` come here. */
  readonly components?: ComponentHandler;
}

/** Handles the buttons and menus whose custom_ids are in `namespace`. */
export interface ComponentHandler {
  readonly namespace: CustomIdNamespace;
  handle(interaction: ComponentInteraction, id: CustomId, ctx: CommandContext): Promise<void>;
}
