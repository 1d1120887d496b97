import {
  Client,
  GatewayIntentBits,
  OAuth2Scopes,
  Options,
  Partials,
  PermissionFlagsBits,
  type ClientOptions,
  type RESTOptions,
} from 'discord.js';

/**
 * What the bot needs in a channel: see it, read the message it replies to, and post there and in
 * its threads. No Embed Links: every message suppresses embeds.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.ReadMessageHistory;

/** The link that adds the bot to a server, with its slash commands and BOT_PERMISSIONS. */
export function inviteUrl(applicationId: string): string {
  const query = new URLSearchParams({
    client_id: applicationId,
    scope: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(' '),
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

/** The shards one client runs (discord.js `shards`), out of `count` over every host (`shardCount`). */
export interface ShardSlice {
  readonly ids: readonly number[];
  readonly count: number;
}

export interface ClientSettings {
  /** REST base (discord.js `rest.api`), e.g. https://discord.com/api or an emulator's. */
  readonly apiUrl: string;
  /** Whether question-like messages in answer channels are read (needs Message Content). */
  readonly readsAnswerChannels: boolean;
  /** Test-only REST tuning (e.g. `globalRequestsPerSecond`, `timeout`). */
  readonly restOptions?: Partial<RESTOptions>;
  /** Overrides for tests (e.g. `waitGuildTimeout`). */
  readonly clientOptions?: Partial<ClientOptions>;
  /** The shards to run; default discord.js's (shard 0 of 1, or what a ShardingManager passes). */
  readonly shards?: ShardSlice;
}

/**
 * Guilds (interactions and channels), GuildMessages and DirectMessages (mentions, replies, DMs).
 * Message Content is privileged and only needed to read answer channels, so it is asked for only then.
 */
export function botIntents(readsAnswerChannels: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (readsAnswerChannels) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * A question-answering bot needs no member, presence, reaction or message history: the caches
 * keep only what discord.js itself relies on (guilds, channels, roles, the bot's own user/member).
 */
export const CACHE_SETTINGS = {
  ...Options.DefaultMakeCacheSettings,
  MessageManager: 0,
  DMMessageManager: 0,
  GuildMessageManager: 0,
  ThreadMemberManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  VoiceStateManager: 0,
  StageInstanceManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildScheduledEventManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  ApplicationCommandManager: 0,
  AutoModerationRuleManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
} satisfies Parameters<typeof Options.cacheWithLimits>[0];

export function createClient(settings: ClientSettings): Client {
  return new Client({
    intents: botIntents(settings.readsAnswerChannels),
    partials: [Partials.Channel], // DM channels arrive uncached
    makeCache: Options.cacheWithLimits(CACHE_SETTINGS),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      // Threads and users that slipped into caches (e.g. via interactions) are swept hourly.
      users: { interval: 3600, filter: () => (user) => user.id !== user.client.user.id },
    },
    // Defence in depth: even a payload that forgot it pings nobody.
    allowedMentions: { parse: [], repliedUser: false },
    ...(settings.shards ? { shards: [...settings.shards.ids], shardCount: settings.shards.count } : {}),
    ...settings.clientOptions,
    rest: { ...settings.clientOptions?.rest, ...settings.restOptions, api: settings.apiUrl },
  });
}
