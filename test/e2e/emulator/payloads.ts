// Builders for what Discord sends (INTERACTION_CREATE and MESSAGE_CREATE payloads) and for the
// message objects it returns to the bot. discord.js is unforgiving about missing fields — an
// interaction without `entitlements` or `authorizing_integration_owners` throws inside its packet
// handler and the test only sees an unhandledRejection — so every builder emits the full shape.

import { randomBytes } from 'node:crypto';
import { snowflake } from './snowflake.js';
import { BOT_PERMISSIONS, EVERYONE_PERMISSIONS } from './state.js';
import type { RecordedFile } from './recorder.js';
import type { ChannelRecord, JsonObject, MessageJson, UserJson, World } from './state.js';

/** An INTERACTION_CREATE payload (`d`). */
export interface InteractionPayload extends JsonObject {
  id: string;
  token: string;
  type: number;
  application_id: string;
  channel_id: string;
  guild_id?: string;
  data: JsonObject;
}

export interface InteractionContext {
  /** Where the interaction happens; defaults to the first guild's first channel. Use a DM channel id for DMs. */
  channelId?: string;
  /** Who invoked it; defaults to the world's default human (`emu.user`). */
  user?: UserJson;
  locale?: string;
  /** The invoking member's permissions (guild only), as a bitfield string. */
  memberPermissions?: string;
  /** The bot's permissions in the channel, as a bitfield string. */
  appPermissions?: string;
}

/**
 * An option value for `chatInput`/`autocomplete`. Plain values get the type the registered
 * command declares (or one inferred from the JS type if no command was registered);
 * `{ type, value }` forces a type (e.g. 6 for a user id).
 */
export type OptionValue = string | number | boolean | { type: number; value: string | number | boolean };

export interface SendMessageOptions {
  content: string;
  /** Defaults to the first guild's first channel. */
  channelId?: string;
  /** Defaults to the default human; pass `emu.botUser` for the bot's own message. */
  author?: UserJson;
  /** Make the author another bot (a fresh bot user unless `author` is given). */
  botAuthor?: boolean;
  /** Prefix the content with `<@botId> ` and list the bot in `mentions`. */
  mentionBot?: boolean;
  /** Extra users in `mentions` (users written as `<@id>` in the content are added automatically). */
  mentions?: UserJson[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  /** Make this a reply (type 19) to that message, with `message_reference` and `referenced_message`. */
  referencedMessage?: MessageJson;
  /** Whether a reply pings the replied-to author (Discord's default is yes). */
  mentionRepliedUser?: boolean;
  /** Sent by a webhook: `webhook_id` set and a webhook pseudo-user as author. */
  webhookId?: string;
  embeds?: JsonObject[];
  attachments?: JsonObject[];
  components?: JsonObject[];
  id?: string;
}

/** Message flags a bot may set on create; Discord ignores the others. */
const SETTABLE_FLAGS = 4 | 64 | 4096 | 32768;
export const EPHEMERAL = 64;
export const LOADING = 128;

export class PayloadBuilder {
  constructor(private readonly world: World) {}

  /** A slash command (`/ask question:... private:true`); `'group sub'` names address subcommands. */
  chatInput(name: string, options: Record<string, OptionValue> = {}, ctx: InteractionContext = {}): InteractionPayload {
    return this.command(2, name, options, undefined, ctx);
  }

  /** The autocomplete request Discord sends while the user types into option `focused`. */
  autocomplete(
    name: string,
    options: Record<string, OptionValue>,
    focused: string,
    ctx: InteractionContext = {},
  ): InteractionPayload {
    if (!(focused in options)) throw new Error(`autocomplete: the focused option "${focused}" must be one of the given options`);
    return this.command(4, name, options, focused, ctx);
  }

  /** A click on the button `customId` of a message the bot sent. */
  button(message: MessageJson, customId: string, ctx: InteractionContext = {}): InteractionPayload {
    const component = this.findComponent(message, customId);
    if (component.type !== 2) throw new Error(`component "${customId}" is type ${String(component.type)}, not a button`);
    return this.component(message, { custom_id: customId, component_type: 2 }, ctx);
  }

  /** A choice in the select menu `customId` of a message the bot sent. */
  select(message: MessageJson, customId: string, values: string[], ctx: InteractionContext = {}): InteractionPayload {
    const component = this.findComponent(message, customId);
    const type = component.type as number;
    if (![3, 5, 6, 7, 8].includes(type)) throw new Error(`component "${customId}" is type ${type}, not a select menu`);
    if (type === 3) {
      const allowed = ((component.options as JsonObject[] | undefined) ?? []).map((o) => o.value);
      const unknown = values.filter((v) => !allowed.includes(v));
      if (unknown.length) throw new Error(`select "${customId}" has no option(s) ${unknown.join(', ')}; it offers ${allowed.join(', ')}`);
    }
    return this.component(message, { custom_id: customId, component_type: type, values, resolved: {} }, ctx);
  }

  /**
   * The submission of a modal. If the bot showed a modal with this custom_id, the field ids are
   * checked against it, so a typo in the test does not silently produce an empty field.
   */
  modalSubmit(
    customId: string,
    fields: Record<string, string>,
    ctx: InteractionContext & { message?: MessageJson } = {},
  ): InteractionPayload {
    const shown = this.shownModal(customId);
    if (shown) {
      const ids = collectCustomIds(shown.components as JsonObject[] | undefined);
      const unknown = Object.keys(fields).filter((k) => !ids.includes(k));
      if (unknown.length) throw new Error(`modal "${customId}" has no field(s) ${unknown.join(', ')}; it has ${ids.join(', ')}`);
    }
    const payload = this.base(5, { ...ctx, channelId: ctx.channelId ?? ctx.message?.channel_id });
    payload.data = {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value], i) => ({
        type: 1,
        id: 2 * i + 1,
        components: [{ type: 4, id: 2 * i + 2, custom_id: id, value }],
      })),
    };
    if (ctx.message) payload.message = this.world.messages.get(ctx.message.id) ?? ctx.message;
    return payload;
  }

  /** A MESSAGE_CREATE payload written by a human (or bot/webhook) in a guild channel or DM. */
  userMessage(opts: SendMessageOptions): MessageJson {
    const channelId = opts.channelId ?? this.defaultChannelId();
    const channel = this.requireChannel(channelId);
    let author = opts.author ?? this.world.user;
    if (opts.botAuthor && !opts.author) author = { ...makeBotUser(), bot: true };
    if (opts.webhookId) author = { id: opts.webhookId, username: 'Captain Hook', global_name: null, discriminator: '0000', avatar: null, bot: true };
    this.world.users.set(author.id, author);

    let content = opts.content;
    const botMention = `<@${this.world.botUser.id}>`;
    if (opts.mentionBot && !content.includes(botMention)) content = `${botMention} ${content}`;

    const mentioned = new Map<string, UserJson>();
    for (const id of mentionedUserIds(content)) mentioned.set(id, this.world.users.get(id) ?? stubUser(id));
    for (const u of opts.mentions ?? []) mentioned.set(u.id, u);
    const ref = opts.referencedMessage;
    if (ref && opts.mentionRepliedUser !== false) mentioned.set(ref.author.id, ref.author);

    const guild = channel.guildId ? this.world.guild(channel.guildId) : undefined;
    const message: MessageJson = {
      id: opts.id ?? snowflake(),
      channel_id: channelId,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: opts.mentionEveryone ?? /@(everyone|here)\b/.test(content),
      mentions: [...mentioned.values()],
      mention_roles: opts.mentionRoles ?? [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] as string),
      attachments: opts.attachments ?? [],
      embeds: opts.embeds ?? [],
      components: opts.components ?? [],
      pinned: false,
      type: ref ? 19 : 0,
      flags: 0,
      channel_type: channel.json.type,
      nonce: snowflake(),
    };
    if (guild) {
      message.guild_id = guild.id;
      if (!opts.webhookId) message.member = this.world.member(guild, author, false);
    }
    if (opts.webhookId) message.webhook_id = opts.webhookId;
    if (ref) {
      message.message_reference = { type: 0, message_id: ref.id, channel_id: ref.channel_id, ...(guild ? { guild_id: guild.id } : {}) };
      message.referenced_message = ref;
    }
    return message;
  }

  /** The message object Discord returns when the bot creates a message (REST) from a request body. */
  botMessage(channelId: string, body: JsonObject, extra: Partial<MessageJson> = {}, files: RecordedFile[] = []): MessageJson {
    const message: MessageJson = {
      id: snowflake(),
      channel_id: channelId,
      author: this.world.botUser,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: body.tts === true,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...extra,
    };
    applyBody(this.world, message, body, (Number(body.flags ?? 0) & SETTABLE_FLAGS) | (extra.flags ?? 0), files);
    const reference = body.message_reference as JsonObject | null | undefined;
    if (reference?.message_id) {
      const target = this.world.messages.get(String(reference.message_id));
      message.type = 19;
      message.message_reference = { type: 0, message_id: reference.message_id, channel_id: target?.channel_id ?? channelId };
      message.referenced_message = target ?? null;
    }
    return message;
  }

  /** Applies an edit (PATCH body) the way Discord merges it: absent fields stay, null clears. */
  editMessage(message: MessageJson, body: JsonObject, files: RecordedFile[] = []): MessageJson {
    // The first edit of a deferred reply replaces the "is thinking..." placeholder.
    const flags = (message.flags & ~LOADING & ~4) | (Number(body.flags ?? message.flags) & 4);
    applyBody(this.world, message, body, flags, files);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  private command(
    type: 2 | 4,
    fullName: string,
    options: Record<string, OptionValue>,
    focused: string | undefined,
    ctx: InteractionContext,
  ): InteractionPayload {
    const payload = this.base(type, ctx);
    const [name, ...path] = fullName.trim().split(/\s+/) as [string, ...string[]];
    const command = this.world.commands.find(name, payload.guild_id ?? null);
    let declared = command?.options as JsonObject[] | undefined;
    const wrappers: JsonObject[] = [];
    for (const part of path) {
      const sub = declared?.find((o) => o.name === part);
      if (command && !sub) throw new Error(`/${name} has no subcommand "${part}"`);
      const subType = (sub?.type as number | undefined) ?? (part === path[path.length - 1] ? 1 : 2);
      wrappers.push({ type: subType, name: part, options: [] });
      declared = sub?.options as JsonObject[] | undefined;
    }
    const leafOptions = buildOptions(fullName, command ? (declared ?? []) : undefined, options, focused, type === 4);
    let top: JsonObject[] = leafOptions;
    for (const w of wrappers.reverse()) {
      w.options = top;
      top = [w];
    }
    payload.data = {
      id: command?.id ?? snowflake(),
      name,
      type: 1,
      ...(top.length ? { options: top } : {}),
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
      ...resolvedFor(this.world, leafOptions, payload.guild_id),
    };
    return payload;
  }

  private component(message: MessageJson, data: JsonObject, ctx: InteractionContext): InteractionPayload {
    const current = this.world.messages.get(message.id) ?? message;
    const payload = this.base(3, { ...ctx, channelId: ctx.channelId ?? current.channel_id });
    payload.data = data;
    payload.message = current;
    return payload;
  }

  private base(type: number, ctx: InteractionContext): InteractionPayload {
    const channelId = ctx.channelId ?? this.defaultChannelId();
    const channel = this.requireChannel(channelId);
    const user = ctx.user ?? this.world.user;
    this.world.users.set(user.id, user);
    const guild = channel.guildId ? this.world.guild(channel.guildId) : undefined;
    const memberPermissions = ctx.memberPermissions ?? EVERYONE_PERMISSIONS;
    const payload: InteractionPayload = {
      id: snowflake(),
      application_id: this.world.applicationId,
      type,
      token: `emu.${randomBytes(36).toString('base64url')}`,
      version: 1,
      locale: ctx.locale ?? 'en-US',
      app_permissions: ctx.appPermissions ?? BOT_PERMISSIONS,
      entitlements: [],
      // Guild-installed app: the key 0 (GUILD_INSTALL) maps to the guild id, or "0" in the bot's DM.
      authorizing_integration_owners: { '0': guild?.id ?? '0' },
      context: guild ? 0 : 1,
      attachment_size_limit: 10_485_760,
      channel_id: channelId,
      channel: interactionChannel(channel, user, memberPermissions),
      data: {},
    };
    if (guild) {
      payload.guild_id = guild.id;
      payload.guild_locale = guild.locale;
      payload.guild = { id: guild.id, locale: guild.locale, features: [] };
      payload.member = { ...this.world.member(guild, user, true), permissions: memberPermissions };
    } else {
      payload.user = user;
    }
    return payload;
  }

  private defaultChannelId(): string {
    const id = this.world.guilds[0]?.channels[0]?.id;
    if (typeof id !== 'string') throw new Error('the emulator has no guild channel; pass channelId');
    return id;
  }

  private requireChannel(id: string): ChannelRecord {
    const channel = this.world.channel(id);
    if (!channel) throw new Error(`unknown channel ${id}; known: ${[...this.world.channels.keys()].join(', ')}`);
    return channel;
  }

  private findComponent(message: MessageJson, customId: string): JsonObject {
    const current = this.world.messages.get(message.id) ?? message;
    const all = flattenComponents(current.components);
    const found = all.find((c) => c.custom_id === customId);
    if (!found) {
      const ids = all.map((c) => c.custom_id).filter(Boolean);
      throw new Error(`message ${message.id} has no component "${customId}"; it has ${ids.length ? ids.join(', ') : 'none'}`);
    }
    if (found.disabled === true) throw new Error(`component "${customId}" is disabled; a user cannot use it`);
    return found;
  }

  private shownModal(customId: string): JsonObject | undefined {
    for (const rec of [...this.world.interactions.values()].reverse()) {
      for (const cb of rec.callbacks) {
        const data = cb.data as JsonObject | undefined;
        if (cb.type === 9 && data?.custom_id === customId) return data;
      }
    }
    return undefined;
  }
}

function interactionChannel(channel: ChannelRecord, user: UserJson, permissions: string): JsonObject {
  if (channel.guildId === null) {
    return { id: channel.json.id, type: 1, last_message_id: channel.json.last_message_id ?? null, flags: 0, recipients: [user] };
  }
  return { ...channel.json, permissions };
}

function buildOptions(
  commandName: string,
  declared: JsonObject[] | undefined,
  given: Record<string, OptionValue>,
  focused: string | undefined,
  partial: boolean,
): JsonObject[] {
  const out: JsonObject[] = [];
  for (const [name, raw] of Object.entries(given)) {
    const explicit = typeof raw === 'object' ? raw : undefined;
    const value = explicit ? explicit.value : (raw as string | number | boolean);
    const decl = declared?.find((o) => o.name === name);
    if (declared && !decl) {
      const names = declared.map((o) => o.name).join(', ') || 'none';
      throw new Error(`/${commandName} has no option "${name}" (declared: ${names}); Discord would never send it`);
    }
    const type = explicit?.type ?? (decl?.type as number | undefined) ?? inferType(value);
    const choices = decl?.choices as JsonObject[] | undefined;
    if (choices?.length && name !== focused && !choices.some((c) => c.value === value)) {
      throw new Error(`/${commandName} option "${name}" only accepts ${choices.map((c) => String(c.value)).join(', ')}`);
    }
    // While typing, the focused option always arrives as the raw string typed so far.
    out.push(name === focused ? { name, type, value: String(value), focused: true } : { name, type, value });
  }
  if (declared && !partial) {
    const missing = declared.filter((o) => o.required === true && !(String(o.name) in given) && (o.type as number) > 2);
    if (missing.length) throw new Error(`/${commandName} requires option(s) ${missing.map((o) => o.name).join(', ')}`);
  }
  return out;
}

function inferType(value: string | number | boolean): number {
  if (typeof value === 'boolean') return 5;
  if (typeof value === 'number') return Number.isInteger(value) ? 4 : 10;
  return 3;
}

/** `resolved` entries for user (6), channel (7) and role (8) options, which discord.js reads. */
function resolvedFor(world: World, options: JsonObject[], guildId: string | undefined): JsonObject {
  const users: JsonObject = {};
  const members: JsonObject = {};
  const channels: JsonObject = {};
  const guild = guildId ? world.guild(guildId) : undefined;
  for (const o of options) {
    const id = String(o.value);
    if (o.type === 6) {
      const user = world.users.get(id) ?? stubUser(id);
      users[id] = user;
      if (guild) members[id] = { ...world.member(guild, user, false), permissions: EVERYONE_PERMISSIONS };
    }
    if (o.type === 7) {
      const ch = world.channel(id);
      if (ch) channels[id] = { id, name: ch.json.name, type: ch.json.type, permissions: BOT_PERMISSIONS };
    }
  }
  const resolved: JsonObject = {};
  if (Object.keys(users).length) resolved.users = users;
  if (Object.keys(members).length) resolved.members = members;
  if (Object.keys(channels).length) resolved.channels = channels;
  return Object.keys(resolved).length ? { resolved } : {};
}

/** Every component of a message, however deeply nested (action rows, containers, sections). */
export function flattenComponents(components: unknown): JsonObject[] {
  const out: JsonObject[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const c = node as JsonObject;
    out.push(c);
    walk(c.components);
    walk(c.accessory);
    walk(c.component);
  };
  walk(components);
  return out;
}

function collectCustomIds(components: JsonObject[] | undefined): string[] {
  return flattenComponents(components)
    .map((c) => c.custom_id)
    .filter((id): id is string => typeof id === 'string');
}

function mentionedUserIds(content: string): string[] {
  return [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] as string);
}

function stubUser(id: string): UserJson {
  return { id, username: `user${id.slice(-4)}`, global_name: null, discriminator: '0', avatar: null, bot: false };
}

function makeBotUser(): UserJson {
  return { id: snowflake(), username: 'other-bot', global_name: null, discriminator: '0', avatar: null, bot: true };
}

/** Copies content/embeds/components/attachments from a create or edit body, and the mentions Discord would compute. */
function applyBody(world: World, message: MessageJson, body: JsonObject, flags: number, files: RecordedFile[]): void {
  if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
  if ('embeds' in body) message.embeds = ((body.embeds as JsonObject[] | null) ?? []).map((e) => ({ type: 'rich', ...e }));
  if ('components' in body) message.components = (body.components as JsonObject[] | null) ?? [];
  // Kept attachments are referenced by id; new ones point at a multipart part `files[<id>]`.
  const described: JsonObject[] = Array.isArray(body.attachments)
    ? (body.attachments as JsonObject[])
    : files.map((f, i) => ({ id: /\[(\d+)\]/.exec(f.field)?.[1] ?? String(i) }));
  if (Array.isArray(body.attachments) || files.length > 0) {
    message.attachments = described.map((a) => {
      const kept = message.attachments.find((old) => old.id === a.id);
      if (kept) return kept;
      const file = files.find((f) => f.field === `files[${String(a.id)}]`);
      const filename = String(a.filename ?? file?.filename ?? `file${String(a.id)}`);
      return {
        id: snowflake(),
        filename,
        size: file?.size ?? 0,
        ...(file?.contentType ? { content_type: file.contentType } : {}),
        url: `https://cdn.discordapp.invalid/attachments/${message.channel_id}/${filename}`,
        proxy_url: `https://media.discordapp.invalid/attachments/${message.channel_id}/${filename}`,
        ...(a.description ? { description: a.description } : {}),
      };
    });
  }
  message.flags = flags;
  const allowed = body.allowed_mentions as { parse?: string[]; users?: string[] } | null | undefined;
  const mayPing = (id: string): boolean => !allowed || (allowed.parse ?? []).includes('users') || (allowed.users ?? []).includes(id);
  message.mentions = mentionedUserIds(message.content)
    .filter(mayPing)
    .map((id) => world.users.get(id) ?? stubUser(id));
  message.mention_everyone = /@(everyone|here)\b/.test(message.content) && (!allowed || (allowed.parse ?? []).includes('everyone'));
  message.mention_roles = [...message.content.matchAll(/<@&(\d+)>/g)]
    .map((m) => m[1] as string)
    .filter(() => !allowed || (allowed.parse ?? []).includes('roles'));
}
