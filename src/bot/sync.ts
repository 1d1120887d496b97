/**
 * Slash command registration: fetch what Discord has, compare normalised definitions, and
 * bulk-overwrite (PUT) only when they differ — to one guild if configured, else globally.
 */
import {
  Routes,
  type APIApplicationCommand,
  type REST,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

export interface SyncOptions {
  readonly rest: Pick<REST, 'get' | 'put'>;
  readonly applicationId: string;
  readonly guildId?: string | undefined;
  readonly commands: readonly CommandDefinition[];
  readonly logger?: Logger;
  /** PUT even when nothing changed. */
  readonly force?: boolean;
}

export interface SyncResult {
  readonly action: 'unchanged' | 'updated';
  readonly scope: 'global' | 'guild';
  readonly guildId: string | undefined;
  readonly count: number;
  /** Names of commands added, removed or changed (empty when unchanged or forced). */
  readonly changed: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isEmpty = (v: unknown) => v === undefined || v === null || v === false || (Array.isArray(v) && v.length === 0);

/** Keeps `keys` of `source`, dropping empty values (undefined, null, false, []), so defaults compare equal. */
function pick(source: Record<string, unknown>, keys: readonly string[], defaults: Record<string, unknown> = {}) {
  const out: Record<string, Json> = {};
  for (const key of keys) {
    let v = source[key];
    if (v !== undefined && v !== null && defaults[key] !== undefined && v === defaults[key]) v = undefined;
    if (!isEmpty(v)) out[key] = v as Json;
  }
  return out;
}

const OPTION_KEYS = [
  'type',
  'name',
  'description',
  'required',
  'autocomplete',
  'min_length',
  'max_length',
  'min_value',
  'max_value',
  'channel_types',
] as const;

function normaliseOption(option: Record<string, unknown>): Record<string, Json> {
  const out = pick(option, OPTION_KEYS);
  if (Array.isArray(out['channel_types'])) out['channel_types'] = [...(out['channel_types'] as number[])].sort((a, b) => a - b);
  const choices = option['choices'];
  if (Array.isArray(choices) && choices.length > 0) {
    out['choices'] = choices.map((c: Record<string, unknown>) => pick(c, ['name', 'value']));
  }
  const options = option['options'];
  if (Array.isArray(options) && options.length > 0) out['options'] = options.map(normaliseOption);
  return out;
}

/**
 * The comparable part of a command definition. Absent, null and false are the same default;
 * `contexts` and `integration_types` are compared only when our definition sets them.
 */
export function normaliseCommand(
  command: Record<string, unknown>,
  ours?: Record<string, unknown>,
): Record<string, Json> {
  const reference = ours ?? command;
  const keys = ['type', 'name', 'description', 'default_member_permissions', 'nsfw'];
  const out = pick(command, keys, { type: 1 });
  // dm_permission defaults to true, so only an explicit false is a difference.
  if (command['dm_permission'] === false) out['dm_permission'] = false;
  for (const key of ['contexts', 'integration_types']) {
    const v = reference[key];
    if (!isEmpty(v)) {
      const theirs = command[key];
      out[key] = Array.isArray(theirs) ? [...(theirs as number[])].sort((a, b) => a - b) : null;
    }
  }
  const options = command['options'];
  out['options'] = Array.isArray(options) ? options.map(normaliseOption) : [];
  return out;
}

/** Names of the commands that differ between ours and what is registered. */
export function diffCommands(
  ours: readonly CommandDefinition[],
  registered: readonly (APIApplicationCommand | CommandDefinition)[],
): string[] {
  const theirs = new Map(registered.map((c) => [c.name, c as unknown as Record<string, unknown>]));
  const changed: string[] = [];
  for (const c of ours) {
    const mine = c as unknown as Record<string, unknown>;
    const other = theirs.get(c.name);
    if (!other || JSON.stringify(normaliseCommand(mine, mine)) !== JSON.stringify(normaliseCommand(other, mine))) {
      changed.push(c.name);
    }
    theirs.delete(c.name);
  }
  changed.push(...theirs.keys()); // registered but no longer ours
  return changed;
}

export async function syncCommands(options: SyncOptions): Promise<SyncResult> {
  const { rest, applicationId, guildId, commands, logger, force = false } = options;
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const scope = guildId ? 'guild' : 'global';
  const registered = (await rest.get(route)) as APIApplicationCommand[];
  const changed = diffCommands(commands, Array.isArray(registered) ? registered : []);
  if (changed.length === 0 && !force) {
    logger?.info({ scope, guildId, count: commands.length }, 'slash commands are up to date');
    return { action: 'unchanged', scope, guildId, count: commands.length, changed };
  }
  await rest.put(route, { body: commands });
  logger?.info({ scope, guildId, count: commands.length, changed }, 'slash commands registered');
  return { action: 'updated', scope, guildId, count: commands.length, changed };
}

/** One line for people: what sync did. */
export function describeSync(result: SyncResult): string {
  const where = result.scope === 'guild' ? `in server ${result.guildId}` : 'globally';
  return result.action === 'unchanged'
    ? `Slash commands are already up to date ${where} (${result.count} commands); nothing to do.`
    : `Registered ${result.count} slash commands ${where}${result.changed.length > 0 ? ` (changed: ${result.changed.join(', ')})` : ''}.`;
}
