import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { command as ask } from './ask.js';
import { command as help } from './help.js';
import { command as source } from './source.js';
import { command as topics } from './topics.js';
import type { Command } from './types.js';

export type { Command, CommandContext, ComponentHandler, ComponentInteraction } from './types.js';

/** Every slash command, listed statically (no folder scanning). */
export const commands: readonly Command[] = Object.freeze([ask, topics, source, help]);

/** The definitions registered with Discord (what `sync` compares and PUTs). */
export function commandDefinitions(list: readonly Command[] = commands): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return list.map((c) => c.data.toJSON());
}
