// The emulated Discord "world": who the bot is, which guilds/channels/users exist, what messages
// and commands the bot created, and each interaction's lifecycle. REST handlers and gateway
// builders read and mutate this one object, so a message the bot sent over REST can be the
// `message` of a later button interaction, and `responsesFor()` can be answered from it.

import { snowflake, snowflakeForShard } from './snowflake.js';

export type JsonObject = Record<string, unknown>;

export interface UserJson {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
  [key: string]: unknown;
}

/** A message object as Discord serialises it (REST responses and MESSAGE_CREATE). */
export interface MessageJson {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: UserJson;
  content: string;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: UserJson[];
  mention_roles: string[];
  attachments: JsonObject[];
  embeds: JsonObject[];
  components: JsonObject[];
  pinned: boolean;
  type: number;
  flags: number;
  webhook_id?: string;
  application_id?: string;
  message_reference?: JsonObject;
  referenced_message?: MessageJson | null;
  interaction_metadata?: JsonObject;
  member?: JsonObject;
  [key: string]: unknown;
}

export interface ChannelSpec {
  id?: string;
  name: string;
  /** Discord channel type; 0 (GUILD_TEXT) by default. */
  type?: number;
  topic?: string | null;
  permission_overwrites?: JsonObject[];
}

export interface GuildSpec {
  id?: string;
  name?: string;
  /** Defaults to a text channel `general` and a text channel `answers`. */
  channels?: ChannelSpec[];
  locale?: string;
}

export interface EmulatedGuild {
  id: string;
  name: string;
  locale: string;
  ownerId: string;
  channels: JsonObject[];
  roles: JsonObject[];
  /** Channel ids by name, e.g. `guild.channelIds.general`. */
  channelIds: Record<string, string>;
  botRoleId: string;
}

export interface ChannelRecord {
  json: JsonObject;
  guildId: string | null;
  /** For DM channels: the human on the other side. */
  recipient?: UserJson;
}

export interface InteractionCallback {
  type: number;
  data: unknown;
  at: number;
}

export interface InteractionRecord {
  id: string;
  token: string;
  /** Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit. */
  type: number;
  payload: JsonObject;
  dispatchedAt: number;
  callbacks: InteractionCallback[];
  /** Id of the message `@original` refers to, once there is one. */
  originalMessageId: string | null;
  followUpIds: string[];
}

export interface StoredCommand extends JsonObject {
  id: string;
  name: string;
  type: number;
  application_id: string;
  version: string;
  guild_id?: string;
}

// Permission bits (Discord's PermissionFlagsBits) for the default roles.
const P = {
  addReactions: 1n << 6n,
  viewChannel: 1n << 10n,
  sendMessages: 1n << 11n,
  embedLinks: 1n << 14n,
  attachFiles: 1n << 15n,
  readMessageHistory: 1n << 16n,
  mentionEveryone: 1n << 17n,
  useExternalEmojis: 1n << 18n,
  useApplicationCommands: 1n << 31n,
  sendMessagesInThreads: 1n << 38n,
};
export const EVERYONE_PERMISSIONS = (
  P.addReactions | P.viewChannel | P.sendMessages | P.embedLinks | P.attachFiles | P.readMessageHistory |
  P.useExternalEmojis | P.useApplicationCommands | P.sendMessagesInThreads
).toString();
export const BOT_PERMISSIONS = (BigInt(EVERYONE_PERMISSIONS) | P.mentionEveryone).toString();

export interface WorldOptions {
  applicationId?: string;
  botUser?: Partial<UserJson>;
  guilds?: GuildSpec[];
  shards: number;
}

export class World {
  readonly applicationId: string;
  readonly botUser: UserJson;
  /** The default human who sends commands and messages. */
  readonly user: UserJson;
  /** A second human, for "someone else pressed the button" scenarios. */
  readonly otherUser: UserJson;
  readonly users = new Map<string, UserJson>();
  readonly guilds: EmulatedGuild[];
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageJson>();
  readonly deletedMessageIds = new Set<string>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly commands = new CommandStore();

  constructor(opts: WorldOptions) {
    this.applicationId = opts.applicationId ?? snowflake();
    this.botUser = {
      id: this.applicationId,
      username: 'astana-bot',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
      system: false,
      public_flags: 0,
      flags: 0,
      ...opts.botUser,
    };
    this.user = makeUser('alice', 'Alice');
    this.otherUser = makeUser('bob', 'Bob');
    for (const u of [this.botUser, this.user, this.otherUser]) this.users.set(u.id, u);

    // With N shards and no explicit guilds, give every shard a guild so sharded tests see traffic on each.
    const specs = opts.guilds ?? Array.from({ length: Math.max(1, opts.shards) }, (_, i) => ({ name: `Emulator Guild ${i}` }));
    this.guilds = specs.map((spec, i) => this.createGuild(spec, i, opts.shards));
  }

  private createGuild(spec: GuildSpec, index: number, shards: number): EmulatedGuild {
    const id = spec.id ?? (shards > 1 ? snowflakeForShard(index % shards, shards) : snowflake());
    const botRoleId = snowflake();
    const roles: JsonObject[] = [
      role(id, '@everyone', 0, EVERYONE_PERMISSIONS, false),
      // Discord tags a bot's managed role with its user id; discord.js's `roles.botRole` relies on it.
      { ...role(botRoleId, this.botUser.username, 1, BOT_PERMISSIONS, true), tags: { bot_id: this.botUser.id } },
    ];
    const channelSpecs = spec.channels ?? [{ name: 'general' }, { name: 'answers' }];
    const channelIds: Record<string, string> = {};
    const channels = channelSpecs.map((c, position) => {
      const json: JsonObject = {
        id: c.id ?? snowflake(),
        type: c.type ?? 0,
        guild_id: id,
        name: c.name,
        position,
        permission_overwrites: c.permission_overwrites ?? [],
        parent_id: null,
        topic: c.topic ?? null,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        flags: 0,
      };
      channelIds[c.name] = json.id as string;
      this.channels.set(json.id as string, { json, guildId: id });
      return json;
    });
    return {
      id,
      name: spec.name ?? `Emulator Guild ${index}`,
      locale: spec.locale ?? 'en-US',
      ownerId: this.user.id,
      channels,
      roles,
      channelIds,
      botRoleId,
    };
  }

  guild(id: string): EmulatedGuild | undefined {
    return this.guilds.find((g) => g.id === id);
  }

  channel(id: string): ChannelRecord | undefined {
    return this.channels.get(id);
  }

  /** The DM channel between the bot and `user`, created on first use like `POST /users/@me/channels`. */
  dmChannel(user: UserJson = this.user): ChannelRecord {
    for (const rec of this.channels.values()) {
      if (rec.guildId === null && rec.recipient?.id === user.id) return rec;
    }
    this.users.set(user.id, user);
    const json: JsonObject = { id: snowflake(), type: 1, last_message_id: null, flags: 0, recipients: [user] };
    const rec: ChannelRecord = { json, guildId: null, recipient: user };
    this.channels.set(json.id as string, rec);
    return rec;
  }

  /** A guild member object as interactions and messages carry it. */
  member(guild: EmulatedGuild, user: UserJson, withUser: boolean): JsonObject {
    const isBot = user.id === this.botUser.id;
    return {
      ...(withUser ? { user } : {}),
      roles: isBot ? [guild.botRoleId] : [],
      nick: null,
      avatar: null,
      banner: null,
      premium_since: null,
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    };
  }

  /** The GUILD_CREATE payload: what discord.js needs to cache the guild, its channels and roles. */
  guildCreatePayload(guild: EmulatedGuild): JsonObject {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      system_channel_id: guild.channels[0]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      preferred_locale: guild.locale,
      features: [],
      application_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      unavailable: false,
      large: false,
      lazy: true,
      member_count: 3,
      joined_at: new Date(Date.now() - 86_400_000).toISOString(),
      channels: guild.channels,
      threads: [],
      roles: guild.roles,
      // Discord always includes the bot's own member, which `guild.members.me` relies on.
      members: [this.member(guild, this.botUser, true)],
      emojis: [],
      stickers: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  storeMessage(message: MessageJson): MessageJson {
    this.messages.set(message.id, message);
    const channel = this.channels.get(message.channel_id);
    if (channel) channel.json.last_message_id = message.id;
    return message;
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    for (const rec of this.interactions.values()) if (rec.token === token) return rec;
    return undefined;
  }
}

export function makeUser(username: string, globalName: string | null): UserJson {
  return {
    id: snowflake(),
    username,
    global_name: globalName,
    discriminator: '0',
    avatar: null,
    bot: false,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

function role(id: string, name: string, position: number, permissions: string, managed: boolean): JsonObject {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed,
    mentionable: false,
    flags: 0,
  };
}

/**
 * Registered application commands. Kept so that (a) GET returns what the bot PUT, with the ids,
 * `application_id` and `version` Discord adds, and (b) the interaction builders can use the
 * declared option types — Discord only ever sends options a command actually declares.
 */
export class CommandStore {
  private readonly scopes = new Map<string, Map<string, StoredCommand>>();

  list(guildId: string | null): StoredCommand[] {
    return [...this.scope(guildId).values()];
  }

  /** Bulk overwrite; commands keep their id when a command of the same name and type existed. */
  put(guildId: string | null, applicationId: string, commands: JsonObject[]): StoredCommand[] {
    const old = this.scope(guildId);
    const next = new Map<string, StoredCommand>();
    for (const c of commands) {
      const existing = [...old.values()].find((o) => o.name === c.name && o.type === ((c.type as number) ?? 1));
      const stored = normalizeCommand(c, applicationId, guildId, existing?.id);
      next.set(stored.id, stored);
    }
    this.scopes.set(guildId ?? '', next);
    return [...next.values()];
  }

  /** POST: create or replace the command of the same name. */
  upsert(guildId: string | null, applicationId: string, command: JsonObject): StoredCommand {
    const scope = this.scope(guildId);
    const existing = [...scope.values()].find((o) => o.name === command.name && o.type === ((command.type as number) ?? 1));
    const stored = normalizeCommand(command, applicationId, guildId, existing?.id);
    scope.set(stored.id, stored);
    return stored;
  }

  get(guildId: string | null, id: string): StoredCommand | undefined {
    return this.scope(guildId).get(id);
  }

  patch(guildId: string | null, id: string, changes: JsonObject): StoredCommand | undefined {
    const scope = this.scope(guildId);
    const current = scope.get(id);
    if (!current) return undefined;
    const next = { ...current, ...changes, id, version: snowflake() } as StoredCommand;
    scope.set(id, next);
    return next;
  }

  delete(guildId: string | null, id: string): boolean {
    return this.scope(guildId).delete(id);
  }

  /** The command an interaction for `name` refers to: a guild command shadows a global one. */
  find(name: string, guildId: string | null, type = 1): StoredCommand | undefined {
    const match = (c: StoredCommand): boolean => c.name === name && c.type === type;
    return (guildId ? this.list(guildId).find(match) : undefined) ?? this.list(null).find(match);
  }

  private scope(guildId: string | null): Map<string, StoredCommand> {
    let scope = this.scopes.get(guildId ?? '');
    if (!scope) {
      scope = new Map();
      this.scopes.set(guildId ?? '', scope);
    }
    return scope;
  }
}

function normalizeCommand(c: JsonObject, applicationId: string, guildId: string | null, id?: string): StoredCommand {
  return {
    default_member_permissions: null,
    type: 1,
    nsfw: false,
    description: '',
    dm_permission: true,
    contexts: null,
    integration_types: [0],
    ...c,
    id: id ?? snowflake(),
    application_id: applicationId,
    version: snowflake(),
    ...(guildId ? { guild_id: guildId } : {}),
  } as unknown as StoredCommand;
}
