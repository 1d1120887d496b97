// Discord's REST behaviour for the routes a Q&A bot uses. Each handler answers like Discord does,
// including its refusals (double acknowledge, late callback, empty message, unknown ids), because
// a fake that accepts everything only proves the bot works against the fake.

import { EPHEMERAL, LOADING } from './payloads.js';
import type { PayloadBuilder } from './payloads.js';
import type { Gateway } from './gateway.js';
import type { RecordedRequest } from './recorder.js';
import type { InteractionRecord, JsonObject, MessageJson, World } from './state.js';

export interface RuntimeOptions {
  shards: number;
  maxConcurrency: number;
  interactionTimeoutMs: number;
  echoBotMessages: boolean;
}

export interface RouteContext {
  req: RecordedRequest;
  params: Record<string, string>;
  query: Record<string, string>;
  body: JsonObject;
  world: World;
  builder: PayloadBuilder;
  gateway: Gateway;
  options: RuntimeOptions;
  /** Run after the response is written: gateway echoes must not overtake the REST answer. */
  after: (() => void)[];
}

export interface RouteResult {
  status: number;
  body?: unknown;
}

export interface RouteDef {
  method: string;
  template: string;
  /** Interaction callbacks and webhook-token routes carry no Authorization header. */
  authless?: boolean;
  handle: (c: RouteContext) => RouteResult;
}

/** A refusal in Discord's error format. `protocol` ones are also listed in `emu.protocolErrors`. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly protocol = false,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  get body(): JsonObject {
    return { message: this.message, code: this.code, ...(this.errors ? { errors: this.errors } : {}) };
  }
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const noContent: RouteResult = { status: 204 };

/** GATEWAY_MESSAGE_CONTENT_LIMITED | GATEWAY_GUILD_MEMBERS_LIMITED, as READY reports. */
const APPLICATION_FLAGS = (1 << 19) | (1 << 15);

export const routes: RouteDef[] = [
  // --- gateway, users, application -------------------------------------------------------
  {
    method: 'GET',
    template: '/gateway/bot',
    // discord.js crashes on login without session_start_limit; max_concurrency sets its identify throttle.
    handle: (c) =>
      ok({
        url: c.gateway.url,
        shards: c.options.shards,
        session_start_limit: {
          total: 1000,
          remaining: Math.max(0, 1000 - c.gateway.identifies.length),
          reset_after: 14_400_000,
          max_concurrency: c.options.maxConcurrency,
        },
      }),
  },
  { method: 'GET', template: '/gateway', authless: true, handle: (c) => ok({ url: c.gateway.url }) },
  { method: 'GET', template: '/users/@me', handle: (c) => ok(c.world.botUser) },
  {
    method: 'GET',
    template: '/users/{user_id}',
    handle: (c) => ok(c.world.users.get(c.params.user_id as string) ?? fail(404, 10013, 'Unknown User')),
  },
  {
    method: 'POST',
    template: '/users/@me/channels',
    handle: (c) => {
      const user = c.world.users.get(String(c.body.recipient_id)) ?? fail(400, 50033, 'Invalid Recipient(s)');
      return ok(c.world.dmChannel(user).json);
    },
  },
  { method: 'GET', template: '/applications/@me', handle: (c) => ok(applicationJson(c.world)) },
  { method: 'GET', template: '/oauth2/applications/@me', handle: (c) => ok(applicationJson(c.world)) },

  // --- application commands (global and guild) ---------------------------------------------
  ...commandRoutes('/applications/{application_id}/commands', false),
  ...commandRoutes('/applications/{application_id}/guilds/{guild_id}/commands', true),

  // --- guilds --------------------------------------------------------------------------------
  {
    method: 'GET',
    template: '/guilds/{guild_id}',
    handle: (c) => {
      const { channels: _c, members: _m, ...guild } = c.world.guildCreatePayload(requireGuild(c));
      return ok(guild);
    },
  },
  { method: 'GET', template: '/guilds/{guild_id}/channels', handle: (c) => ok(requireGuild(c).channels) },
  { method: 'GET', template: '/guilds/{guild_id}/roles', handle: (c) => ok(requireGuild(c).roles) },
  {
    method: 'GET',
    template: '/guilds/{guild_id}/members/{user_id}',
    handle: (c) => {
      const user = c.world.users.get(c.params.user_id as string) ?? fail(404, 10007, 'Unknown Member');
      return ok(c.world.member(requireGuild(c), user, true));
    },
  },

  // --- channels and messages -----------------------------------------------------------------
  { method: 'GET', template: '/channels/{channel_id}', handle: (c) => ok(requireChannel(c).json) },
  {
    method: 'POST',
    template: '/channels/{channel_id}/messages',
    handle: (c) => {
      requireChannel(c);
      requireNotEmpty(c.body, c.req.files.length);
      const ref = c.body.message_reference as JsonObject | null | undefined;
      if (ref?.message_id && ref.fail_if_not_exists !== false && !liveMessage(c.world, String(ref.message_id))) {
        throw new DiscordError(400, 50035, 'Invalid Form Body', true, {
          message_reference: { _errors: [{ code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }] },
        });
      }
      // enforce_nonce: a second POST with the same nonce (discord.js re-sending after its timeout)
      // gets the message the first one created, as on Discord, instead of a duplicate.
      const nonce = c.body.nonce;
      if (c.body.enforce_nonce === true && nonce !== undefined) {
        const earlier = [...c.world.messages.values()].find(
          (m) => m.channel_id === c.params.channel_id && m.author.id === c.world.botUser.id && m.nonce === nonce,
        );
        if (earlier) return ok(earlier);
      }
      const message = c.world.storeMessage(c.builder.botMessage(c.params.channel_id as string, c.body, {}, c.req.files));
      echo(c, 'MESSAGE_CREATE', message);
      return ok(message);
    },
  },
  {
    method: 'GET',
    template: '/channels/{channel_id}/messages',
    handle: (c) => {
      requireChannel(c);
      const limit = Math.min(100, Number(c.query.limit ?? 50));
      const list = [...c.world.messages.values()]
        .filter((m) => m.channel_id === c.params.channel_id && !c.world.deletedMessageIds.has(m.id))
        .reverse()
        .slice(0, limit);
      return ok(list);
    },
  },
  { method: 'GET', template: '/channels/{channel_id}/messages/{message_id}', handle: (c) => ok(requireChannelMessage(c)) },
  {
    method: 'PATCH',
    template: '/channels/{channel_id}/messages/{message_id}',
    handle: (c) => {
      const message = requireChannelMessage(c);
      if (message.author.id !== c.world.botUser.id) fail(403, 50005, 'Cannot edit a message authored by another user', true);
      c.builder.editMessage(message, c.body, c.req.files);
      echo(c, 'MESSAGE_UPDATE', message);
      return ok(message);
    },
  },
  {
    method: 'DELETE',
    template: '/channels/{channel_id}/messages/{message_id}',
    handle: (c) => {
      const message = requireChannelMessage(c);
      c.world.deletedMessageIds.add(message.id);
      echo(c, 'MESSAGE_DELETE', message);
      return noContent;
    },
  },
  {
    method: 'POST',
    template: '/channels/{channel_id}/typing',
    handle: (c) => {
      requireChannel(c);
      return noContent;
    },
  },
  {
    method: 'PUT',
    template: '/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me',
    handle: (c) => {
      const message = requireChannelMessage(c);
      const emoji = c.params.emoji_name as string;
      const reactions = ((message.reactions as JsonObject[] | undefined) ?? []).filter((r) => (r.emoji as JsonObject).name !== emoji);
      message.reactions = [...reactions, { count: 1, me: true, emoji: { id: null, name: emoji } }];
      return noContent;
    },
  },
  {
    method: 'DELETE',
    template: '/channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me',
    handle: (c) => {
      const message = requireChannelMessage(c);
      message.reactions = ((message.reactions as JsonObject[] | undefined) ?? []).filter(
        (r) => (r.emoji as JsonObject).name !== c.params.emoji_name,
      );
      return noContent;
    },
  },

  // --- interactions ----------------------------------------------------------------------------
  {
    method: 'POST',
    template: '/interactions/{interaction_id}/{interaction_token}/callback',
    authless: true,
    handle: interactionCallback,
  },
  {
    method: 'POST',
    template: '/webhooks/{webhook_id}/{webhook_token}',
    authless: true,
    handle: (c) => {
      const rec = requireInteractionWebhook(c);
      if (rec.callbacks.length === 0) fail(404, 10015, 'Unknown Webhook', true);
      requireNotEmpty(c.body, c.req.files.length);
      const original = rec.originalMessageId ? c.world.messages.get(rec.originalMessageId) : undefined;
      let message: MessageJson;
      if (rec.callbacks[0]?.type === 5 && original && original.flags & LOADING) {
        // Discord turns the first follow-up after a deferral into the deferred "thinking" message.
        message = c.builder.editMessage(original, c.body, c.req.files);
        echo(c, 'MESSAGE_UPDATE', message);
      } else {
        const extras = { ...interactionMessageExtras(c.world, rec), flags: Number(c.body.flags ?? 0) & EPHEMERAL };
        message = c.world.storeMessage(c.builder.botMessage(channelOf(rec), c.body, extras, c.req.files));
        rec.followUpIds.push(message.id);
        echo(c, 'MESSAGE_CREATE', message);
      }
      return c.query.wait === 'true' ? ok(message) : noContent;
    },
  },
  ...webhookMessageRoutes('/webhooks/{webhook_id}/{webhook_token}/messages/@original'),
  ...webhookMessageRoutes('/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}'),
];

function interactionCallback(c: RouteContext): RouteResult {
  const rec = c.world.interactions.get(c.params.interaction_id as string);
  if (!rec || rec.token !== c.params.interaction_token) fail(404, 10062, 'Unknown interaction', true);
  if (rec.callbacks.length > 0) fail(400, 40060, 'Interaction has already been acknowledged.', true);
  const age = Date.now() - rec.dispatchedAt;
  if (age > c.options.interactionTimeoutMs) {
    // Discord forgets an unanswered interaction after 3 s; the user sees "The application did not respond".
    fail(404, 10062, `Unknown interaction (callback ${age} ms after dispatch; the limit is ${c.options.interactionTimeoutMs} ms)`, true);
  }
  const type = Number(c.body.type);
  const data = (c.body.data ?? null) as JsonObject | null;
  const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: rec.payload.message ? [4, 5, 6, 7] : [4, 5] };
  if (!(allowed[rec.type] ?? []).includes(type)) {
    throw new DiscordError(400, 50035, 'Invalid Form Body', true, {
      type: { _errors: [{ code: 'INTERACTION_CALLBACK_TYPE_INVALID', message: `Callback type ${type} is not valid for interaction type ${rec.type}.` }] },
    });
  }
  if (type === 4) requireNotEmpty(data ?? {}, c.req.files.length);
  rec.callbacks.push({ type, data, at: Date.now() });

  let message: MessageJson | undefined;
  if (type === 4 || type === 5) {
    const flags = (Number(data?.flags ?? 0) & EPHEMERAL) | (type === 5 ? LOADING : 0);
    const body = type === 5 ? {} : (data ?? {});
    const files = type === 5 ? [] : c.req.files;
    message = c.world.storeMessage(c.builder.botMessage(channelOf(rec), body, { ...interactionMessageExtras(c.world, rec), flags }, files));
    rec.originalMessageId = message.id;
    echo(c, 'MESSAGE_CREATE', message);
  } else if (type === 6 || type === 7) {
    // For a component, @original is the message the component is on.
    const target = c.world.messages.get(String((rec.payload.message as JsonObject | undefined)?.id));
    rec.originalMessageId = target?.id ?? null;
    if (type === 7 && target) {
      message = c.builder.editMessage(target, data ?? {}, c.req.files);
      echo(c, 'MESSAGE_UPDATE', message);
    }
  }

  if (c.query.with_response !== 'true') return noContent;
  return ok({
    interaction: {
      id: rec.id,
      type: rec.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: (message.flags & LOADING) !== 0,
            response_message_ephemeral: (message.flags & EPHEMERAL) !== 0,
          }
        : {}),
    },
    resource: { type, ...(message ? { message } : {}) },
  });
}

function webhookMessageRoutes(template: string): RouteDef[] {
  const target = (c: RouteContext): { rec: InteractionRecord; message: MessageJson } => {
    const rec = requireInteractionWebhook(c);
    const id = c.params.message_id ?? rec.originalMessageId;
    const isOwn = id !== null && (id === rec.originalMessageId || rec.followUpIds.includes(id));
    const message = isOwn ? liveMessage(c.world, id) : undefined;
    if (!message) fail(404, 10008, 'Unknown Message', true);
    return { rec, message };
  };
  return [
    { method: 'GET', template, authless: true, handle: (c) => ok(target(c).message) },
    {
      method: 'PATCH',
      template,
      authless: true,
      handle: (c) => {
        const { message } = target(c);
        c.builder.editMessage(message, c.body, c.req.files);
        echo(c, 'MESSAGE_UPDATE', message);
        return ok(message);
      },
    },
    {
      method: 'DELETE',
      template,
      authless: true,
      handle: (c) => {
        const { message } = target(c);
        c.world.deletedMessageIds.add(message.id);
        echo(c, 'MESSAGE_DELETE', message);
        return noContent;
      },
    },
  ];
}

function commandRoutes(base: string, guildScoped: boolean): RouteDef[] {
  const scope = (c: RouteContext): string | null => {
    if (c.params.application_id !== c.world.applicationId) fail(403, 50001, 'Missing Access');
    if (!guildScoped) return null;
    if (!c.world.guild(c.params.guild_id as string)) fail(403, 50001, 'Missing Access');
    return c.params.guild_id as string;
  };
  const one = `${base}/{command_id}`;
  const requireCommand = (c: RouteContext): JsonObject =>
    c.world.commands.get(scope(c), c.params.command_id as string) ?? fail(404, 10063, 'Unknown application command');
  return [
    { method: 'GET', template: base, handle: (c) => ok(c.world.commands.list(scope(c))) },
    {
      method: 'PUT',
      template: base,
      handle: (c) => ok(c.world.commands.put(scope(c), c.world.applicationId, (c.body as unknown as JsonObject[] | null) ?? [])),
    },
    {
      method: 'POST',
      template: base,
      handle: (c) => {
        const guildId = scope(c);
        const existed = c.world.commands.list(guildId).some((o) => o.name === c.body.name);
        return { status: existed ? 200 : 201, body: c.world.commands.upsert(guildId, c.world.applicationId, c.body) };
      },
    },
    { method: 'GET', template: one, handle: (c) => ok(requireCommand(c)) },
    {
      method: 'PATCH',
      template: one,
      handle: (c) => ok(c.world.commands.patch(scope(c), c.params.command_id as string, c.body) ?? fail(404, 10063, 'Unknown application command')),
    },
    {
      method: 'DELETE',
      template: one,
      handle: (c) => (c.world.commands.delete(scope(c), c.params.command_id as string) ? noContent : fail(404, 10063, 'Unknown application command')),
    },
  ];
}

function fail(status: number, code: number, message: string, protocol = false): never {
  throw new DiscordError(status, code, message, protocol);
}

function requireGuild(c: RouteContext) {
  return c.world.guild(c.params.guild_id as string) ?? fail(404, 10004, 'Unknown Guild');
}

function requireChannel(c: RouteContext) {
  return c.world.channel(c.params.channel_id as string) ?? fail(404, 10003, 'Unknown Channel', true);
}

function requireChannelMessage(c: RouteContext): MessageJson {
  requireChannel(c);
  const message = liveMessage(c.world, c.params.message_id as string);
  if (!message || message.channel_id !== c.params.channel_id) fail(404, 10008, 'Unknown Message', true);
  return message;
}

function liveMessage(world: World, id: string): MessageJson | undefined {
  return world.deletedMessageIds.has(id) ? undefined : world.messages.get(id);
}

function requireInteractionWebhook(c: RouteContext): InteractionRecord {
  const rec = c.world.interactionByToken(c.params.webhook_token as string);
  if (!rec || c.params.webhook_id !== c.world.applicationId) fail(404, 10015, 'Unknown Webhook', true);
  return rec;
}

/** Discord's 50006: nothing to show. Files count, since an attachment alone is a valid message. */
function requireNotEmpty(body: JsonObject, files: number): void {
  const has = (k: string): boolean => {
    const v = body[k];
    return Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.length > 0 : v !== undefined && v !== null;
  };
  if (files === 0 && !['content', 'embeds', 'components', 'sticker_ids', 'poll'].some(has)) {
    fail(400, 50006, 'Cannot send an empty message', true);
  }
}

function channelOf(rec: InteractionRecord): string {
  return rec.payload.channel_id as string;
}

function interactionMessageExtras(world: World, rec: InteractionRecord): Partial<MessageJson> {
  const user = ((rec.payload.member as JsonObject | undefined)?.user ?? rec.payload.user) as MessageJson['author'];
  const data = rec.payload.data as JsonObject;
  return {
    type: rec.type === 2 ? 20 : 0,
    webhook_id: world.applicationId,
    application_id: world.applicationId,
    interaction_metadata: {
      id: rec.id,
      type: rec.type,
      user,
      authorizing_integration_owners: rec.payload.authorizing_integration_owners,
      ...(rec.type === 2 ? { name: data.name, command_type: 1 } : {}),
      ...(rec.payload.message ? { interacted_message_id: (rec.payload.message as JsonObject).id } : {}),
    },
    // Deprecated, but discord.js still builds `message.interaction` from it.
    interaction: { id: rec.id, type: rec.type, name: String(data.name ?? data.custom_id ?? ''), user },
  };
}

/** The bot's own messages come back over the gateway, as on Discord (ephemeral ones do not). */
function echo(c: RouteContext, t: 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' | 'MESSAGE_DELETE', m: MessageJson): void {
  if (!c.options.echoBotMessages || m.flags & EPHEMERAL) return;
  const channel = c.world.channel(m.channel_id);
  if (!channel) return;
  const guild = channel.guildId ? c.world.guild(channel.guildId) : undefined;
  const where = guild ? { guild_id: guild.id } : {};
  const d: JsonObject =
    t === 'MESSAGE_DELETE'
      ? { id: m.id, channel_id: m.channel_id, ...where }
      : { ...m, ...where, channel_type: channel.json.type, ...(guild ? { member: c.world.member(guild, c.world.botUser, false) } : {}) };
  c.after.push(() => {
    try {
      c.gateway.dispatch(t, d, { guildId: guild?.id ?? null });
    } catch {
      // No gateway session (a REST-only client): nothing to echo to.
    }
  });
}

function applicationJson(world: World): JsonObject {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: 'Emulated application',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: 'a'.repeat(64),
    flags: APPLICATION_FLAGS,
    owner: world.user,
    team: null,
    bot: world.botUser,
    approximate_guild_count: world.guilds.length,
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: { '0': {} },
    tags: [],
  };
}
