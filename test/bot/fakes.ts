/**
 * Small fakes of discord.js interactions and messages: just the members our code uses, recording
 * every call so tests can check what would have been sent to Discord.
 */
import { InteractionType, MessageType } from 'discord.js';
import { pino, type Logger } from 'pino';
import { Writable } from 'node:stream';

export const BOT_ID = '100000000000000001';
export const USER_ID = '200000000000000002';
export const OTHER_ID = '200000000000000003';
export const CHANNEL_ID = '300000000000000003';
export const ANSWER_CHANNEL_ID = '300000000000000004';
export const GUILD_ID = '400000000000000004';

export interface Call {
  readonly method: string;
  readonly payload: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

type Kind = 'chat' | 'autocomplete' | 'button' | 'select';

export interface FakeInteractionInit {
  commandName?: string;
  options?: Record<string, string | number | boolean | null>;
  focused?: { name: string; value: string };
  customId?: string;
  values?: string[];
  replied?: boolean;
  deferred?: boolean;
  /** Makes a method throw (e.g. reply failing) — by method name. */
  failing?: Partial<Record<'reply' | 'followUp' | 'update' | 'respond', unknown>>;
  id?: string;
  /** The message a component is on (default: the bot's, carrying `customId`). */
  message?: { id: string; author?: { id: string }; components: { components: { customId: string }[] }[] };
}

export type FakeInteraction = ReturnType<typeof fakeInteraction>;

export function fakeInteraction(kind: Kind, init: FakeInteractionInit = {}) {
  const calls: Call[] = [];
  const opts = init.options ?? {};
  const record = (method: 'reply' | 'followUp' | 'update' | 'respond') => async (payload: unknown) => {
    calls.push({ method, payload });
    if (init.failing && method in init.failing) throw init.failing[method];
    if (method === 'reply' || method === 'update') self.replied = true;
    if (method === 'respond') self.responded = true;
  };
  const self = {
    id: init.id ?? '900000000000000009',
    type: kind === 'chat' ? InteractionType.ApplicationCommand : kind === 'autocomplete' ? InteractionType.ApplicationCommandAutocomplete : InteractionType.MessageComponent,
    commandName: init.commandName ?? 'ask',
    customId: init.customId ?? '',
    message: init.message ?? {
      id: '900000000000000010',
      author: { id: BOT_ID },
      components: [{ components: [{ customId: init.customId ?? '' }] }],
    },
    values: init.values ?? [],
    guildId: GUILD_ID,
    channelId: CHANNEL_ID,
    replied: init.replied ?? false,
    deferred: init.deferred ?? false,
    responded: false,
    client: { user: { id: BOT_ID } },
    user: { id: USER_ID },
    calls,
    options: {
      getString: (name: string, required?: boolean) => {
        const v = opts[name];
        if (v === undefined || v === null) {
          if (required) throw new Error(`required option ${name} missing`);
          return null;
        }
        return String(v);
      },
      getBoolean: (name: string) => (typeof opts[name] === 'boolean' ? (opts[name] as boolean) : null),
      getInteger: (name: string) => (typeof opts[name] === 'number' ? (opts[name] as number) : null),
      getFocused: (full?: boolean) => {
        const f = init.focused ?? { name: 'question', value: '' };
        return full ? f : f.value;
      },
    },
    reply: record('reply'),
    followUp: record('followUp'),
    update: record('update'),
    respond: record('respond'),
    isChatInputCommand: () => kind === 'chat',
    isCommand: () => kind === 'chat',
    isAutocomplete: () => kind === 'autocomplete',
    isButton: () => kind === 'button',
    isStringSelectMenu: () => kind === 'select',
    isMessageComponent: () => kind === 'button' || kind === 'select',
    isRepliable: () => kind !== 'autocomplete',
  };
  return self;
}

/** Casts a fake to the discord.js type a function expects. */
export function as<T>(fake: unknown): T {
  return fake as T;
}

export interface FakeMessageInit {
  content?: string;
  authorId?: string;
  bot?: boolean;
  webhookId?: string | null;
  system?: boolean;
  type?: MessageType;
  guild?: boolean;
  channelId?: string;
  thread?: { parentId: string };
  reference?: { messageId: string };
  repliedUserId?: string | null;
  mentionedUserIds?: string[];
  mentionedRoleIds?: string[];
  everyone?: boolean;
  botRoleId?: string;
  failReply?: unknown;
  id?: string;
}

export type FakeMessage = ReturnType<typeof fakeMessage>;

export function fakeMessage(init: FakeMessageInit = {}) {
  const calls: Call[] = [];
  const guild = init.guild ?? true;
  const mentioned = new Map((init.mentionedUserIds ?? []).map((id) => [id, { id }]));
  const roles = new Map((init.mentionedRoleIds ?? []).map((id) => [id, { id }]));
  return {
    id: init.id ?? '500000000000000005',
    content: init.content ?? '',
    type: init.type ?? (init.reference ? MessageType.Reply : MessageType.Default),
    author: { id: init.authorId ?? USER_ID, bot: init.bot ?? false },
    webhookId: init.webhookId ?? null,
    system: init.system ?? false,
    channelId: init.channelId ?? CHANNEL_ID,
    channel: {
      isThread: () => init.thread !== undefined,
      parentId: init.thread?.parentId ?? null,
    },
    guildId: guild ? GUILD_ID : null,
    guild: guild ? { members: { me: { roles: { botRole: init.botRoleId ? { id: init.botRoleId } : null } } } } : null,
    inGuild: () => guild,
    reference: init.reference ?? null,
    mentions: {
      repliedUser: init.repliedUserId ? { id: init.repliedUserId } : null,
      users: mentioned,
      roles,
      everyone: init.everyone ?? false,
    },
    client: { user: { id: BOT_ID } },
    calls,
    reply: async (payload: unknown) => {
      calls.push({ method: 'reply', payload });
      if (init.failReply !== undefined) throw init.failReply;
      return {};
    },
  };
}

/** A logger writing JSON lines into `lines` (parsed). */
export function memoryLogger(level: pino.Level = 'debug'): { logger: Logger; lines: Record<string, unknown>[]; raw: string[] } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level }, stream), lines, raw };
}
