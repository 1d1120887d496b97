// A local Discord for end-to-end tests: REST + gateway on 127.0.0.1 that the real discord.js
// client logs into with nothing but `rest: { api: emu.apiUrl }` (the gateway URL comes from
// GET /gateway/bot). See README.md next to this file for a tour of the API.

import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import { Gateway } from './gateway.js';
import type { DispatchRecord, DispatchTarget, IdentifyRecord, PrivilegedIntent, ResumeRecord } from './gateway.js';
import { LOADING, PayloadBuilder } from './payloads.js';
import type { InteractionContext, InteractionPayload, OptionValue, SendMessageOptions } from './payloads.js';
import { Recorder } from './recorder.js';
import type { ProtocolError, RecordedRequest, RequestMatcher, SpecViolation, WaitOptions } from './recorder.js';
import { createRequestHandler } from './server.js';
import type { RuntimeOptions } from './routes.js';
import { getSpecValidator } from './spec-validator.js';
import { World } from './state.js';
import type { EmulatedGuild, GuildSpec, InteractionCallback, JsonObject, MessageJson, UserJson } from './state.js';
import type { FaultOptions, FaultRule, ResponseDelayRule } from './faults.js';

export type { DispatchRecord, DispatchTarget, IdentifyRecord, PrivilegedIntent, ResumeRecord } from './gateway.js';
export type { InteractionContext, InteractionPayload, OptionValue, SendMessageOptions } from './payloads.js';
export type { ProtocolError, RecordedFile, RecordedRequest, RequestMatcher, SpecViolation, WaitOptions } from './recorder.js';
export type { FaultOptions, FaultRule, ResponseDelayRule } from './faults.js';
export type { ChannelSpec, EmulatedGuild, GuildSpec, InteractionCallback, JsonObject, MessageJson, UserJson } from './state.js';
export type { SpecError, ValidationResult } from './spec-validator.js';
export { getSpecValidator } from './spec-validator.js';
export { snowflake, shardForGuild, snowflakeForShard } from './snowflake.js';

/** Route matchers for the requests a Q&A bot makes, usable wherever a RequestMatcher is taken. */
export const ROUTES = {
  gatewayBot: 'GET /gateway/bot',
  interactionCallback: 'POST /interactions/{interaction_id}/{interaction_token}/callback',
  editOriginal: 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original',
  getOriginal: 'GET /webhooks/{webhook_id}/{webhook_token}/messages/@original',
  deleteOriginal: 'DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original',
  followUp: 'POST /webhooks/{webhook_id}/{webhook_token}',
  editFollowUp: 'PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}',
  createMessage: 'POST /channels/{channel_id}/messages',
  editMessage: 'PATCH /channels/{channel_id}/messages/{message_id}',
  typing: 'POST /channels/{channel_id}/typing',
  putGlobalCommands: 'PUT /applications/{application_id}/commands',
  putGuildCommands: 'PUT /applications/{application_id}/guilds/{guild_id}/commands',
} as const;

export interface EmulatorOptions {
  /** Shard count /gateway/bot recommends (default 1). Guilds are routed by the count each client IDENTIFYs with. */
  shards?: number;
  /** Default: one guild per shard, each with text channels `general` and `answers`. */
  guilds?: GuildSpec[];
  /** Tokens accepted on REST and IDENTIFY; default one random token (`emu.token`). */
  validTokens?: string[];
  botUser?: Partial<UserJson>;
  applicationId?: string;
  /** HELLO's heartbeat_interval; default Discord's 41,250 ms. */
  heartbeatIntervalMs?: number;
  /**
   * session_start_limit.max_concurrency; default 16. discord.js spaces IDENTIFYs sharing a bucket
   * (shard id % max_concurrency) 5 s apart, so with 1 a two-shard process needs 5 s more to log in.
   */
  maxConcurrency?: number;
  /** How long after dispatch an interaction still accepts its callback; default Discord's 3,000 ms. */
  interactionTimeoutMs?: number;
  /** Validate JSON bodies against Discord's OpenAPI spec and answer 400 like Discord; default true. */
  validateBodies?: boolean;
  /**
   * Privileged intents NOT enabled in the (emulated) Developer Portal; an IDENTIFY requesting one
   * is closed with 4014 and discord.js's login() rejects with "Used disallowed intents". Default none.
   */
  disabledPrivilegedIntents?: PrivilegedIntent[];
  /** Dispatch MESSAGE_CREATE/UPDATE/DELETE for the bot's own non-ephemeral messages, as Discord does; default true. */
  echoBotMessages?: boolean;
}

/** Everything the bot did in answer to one interaction. */
export interface InteractionResponses {
  interaction: InteractionPayload;
  /** Normally exactly one; a second attempt is refused with 40060 and not listed. */
  callbacks: InteractionCallback[];
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete, 9 modal; null if unanswered. */
  callbackType: number | null;
  deferred: boolean;
  ephemeral: boolean;
  /** `@original` as the user sees it now (after edits), or null. */
  original: MessageJson | null;
  originalDeleted: boolean;
  followUps: MessageJson[];
  /** Original and follow-ups, oldest first, without deleted ones. */
  messages: MessageJson[];
  /** Choices offered by an autocomplete answer. */
  choices: JsonObject[] | null;
  /** The modal shown (callback type 9). */
  modal: JsonObject | null;
  /** Every REST request made with this interaction's id or token, in order. */
  requests: RecordedRequest[];
}

interface EmulatorParts {
  server: Server;
  port: number;
  world: World;
  gateway: Gateway;
  recorder: Recorder;
  faults: Faults;
  builder: PayloadBuilder;
  tokens: string[];
  shards: number;
  internalErrors: { requestIndex: number; error: unknown }[];
}

export class DiscordEmulator extends EventEmitter {
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  readonly port: number;
  /** The first valid token; what the bot under test should log in with. */
  readonly token: string;
  readonly applicationId: string;
  readonly botUser: UserJson;
  /** The default human (invokes commands, writes messages). */
  readonly user: UserJson;
  readonly otherUser: UserJson;
  readonly guild: EmulatedGuild;
  readonly guilds: EmulatedGuild[];
  /** Ids of the first guild's first two channels and of the DM channel with `user`. */
  readonly channels: { text: string; answers: string; dm: string };
  /** The emulated state, for scenarios this API does not cover. */
  readonly world: World;
  readonly gateway: Gateway;
  /** Bodies that failed Discord's OpenAPI schema (each was answered 400 50035). Assert empty. */
  readonly specViolations: SpecViolation[];
  /** Requests Discord would refuse for other reasons (double acknowledge, late callback, unknown ids...). */
  readonly protocolErrors: ProtocolError[];
  /** Failures of the emulator itself; should always be empty. */
  readonly internalErrors: { requestIndex: number; error: unknown }[];
  readonly builder: PayloadBuilder;

  private readonly recorder: Recorder;
  private readonly faults: Faults;
  private readonly server: Server;
  private readonly shardCount: number;
  private stopped = false;

  /** Use `startEmulator()`. */
  constructor(parts: EmulatorParts) {
    super();
    const { world, gateway, recorder } = parts;
    this.server = parts.server;
    this.port = parts.port;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.gatewayUrl = gateway.url;
    this.world = world;
    this.gateway = gateway;
    this.recorder = recorder;
    this.faults = parts.faults;
    this.builder = parts.builder;
    this.internalErrors = parts.internalErrors;
    this.token = parts.tokens[0] as string;
    this.shardCount = parts.shards;
    this.applicationId = world.applicationId;
    this.botUser = world.botUser;
    this.user = world.user;
    this.otherUser = world.otherUser;
    this.guilds = world.guilds;
    this.guild = world.guilds[0] as EmulatedGuild;
    this.channels = {
      text: this.guild.channels[0]?.id as string,
      answers: (this.guild.channels[1]?.id ?? this.guild.channels[0]?.id) as string,
      dm: world.dmChannel(world.user).json.id as string,
    };
    this.specViolations = recorder.specViolations;
    this.protocolErrors = recorder.protocolErrors;
    for (const event of ['identify', 'ready', 'resume', 'disconnect']) {
      gateway.on(event, (payload: unknown) => this.emit(event, payload));
    }
  }

  // ---- recording ---------------------------------------------------------------------------

  get identifies(): IdentifyRecord[] {
    return this.gateway.identifies;
  }

  get resumes(): ResumeRecord[] {
    return this.gateway.resumes;
  }

  get dispatches(): DispatchRecord[] {
    return this.gateway.dispatches;
  }

  /** Completed requests, oldest first, optionally filtered; `since` is a `mark()`. */
  requests(matcher?: RequestMatcher, since = 0): RecordedRequest[] {
    return this.recorder.find(matcher, since);
  }

  /** The index the next request will get: pass as `since` to look only at what comes after. */
  mark(): number {
    return this.recorder.log.length;
  }

  /** First completed request matching; rejects after the timeout (default 5 s) listing what did arrive. */
  waitForRequest(matcher: RequestMatcher, opts: number | WaitOptions = {}): Promise<RecordedRequest> {
    return this.recorder.waitForRequest(matcher, typeof opts === 'number' ? { timeoutMs: opts } : opts);
  }

  /** Polls `check` on every request/dispatch until it returns something (not undefined/null/false). */
  waitUntil<T>(check: () => T | undefined | null | false, opts: { timeoutMs?: number; what?: string } = {}): Promise<T> {
    return this.recorder.waitUntil(check, opts);
  }

  /** Messages the bot created (channel messages and interaction responses), oldest first, without deleted ones. */
  botMessages(channelId?: string): MessageJson[] {
    return [...this.world.messages.values()].filter(
      (m) => m.author.id === this.botUser.id && !this.world.deletedMessageIds.has(m.id) && (!channelId || m.channel_id === channelId),
    );
  }

  responsesFor(interaction: string | { id: string }): InteractionResponses {
    const id = typeof interaction === 'string' ? interaction : interaction.id;
    const rec = this.world.interactions.get(id);
    if (!rec) throw new Error(`no interaction ${id} was sent through this emulator`);
    const deleted = this.world.deletedMessageIds;
    const original = rec.originalMessageId ? (this.world.messages.get(rec.originalMessageId) ?? null) : null;
    const followUps = rec.followUpIds.map((m) => this.world.messages.get(m)).filter((m): m is MessageJson => !!m);
    const first = rec.callbacks[0];
    const firstData = (first?.data ?? null) as JsonObject | null;
    return {
      interaction: rec.payload as InteractionPayload,
      callbacks: rec.callbacks,
      callbackType: first?.type ?? null,
      deferred: first?.type === 5 || first?.type === 6,
      ephemeral: ((original?.flags ?? Number(firstData?.flags ?? 0)) & 64) !== 0,
      original,
      originalDeleted: original !== null && deleted.has(original.id),
      followUps: followUps.filter((m) => !deleted.has(m.id)),
      messages: [original, ...followUps].filter((m): m is MessageJson => m !== null && !deleted.has(m.id) && !(m.flags & LOADING)),
      choices: first?.type === 8 ? ((firstData?.choices as JsonObject[] | undefined) ?? []) : null,
      modal: first?.type === 9 ? firstData : null,
      requests: this.recorder.log.filter(
        (r) => r.params.interaction_id === rec.id || r.params.interaction_token === rec.token || r.params.webhook_token === rec.token,
      ),
    };
  }

  /**
   * Waits until the user would see an answer to the interaction: a callback, and for deferrals the
   * edit that replaces "thinking..." (or updates the message). Pass `until` for anything else.
   */
  waitForResponse(
    interaction: string | { id: string },
    opts: { timeoutMs?: number; until?: (r: InteractionResponses) => boolean } = {},
  ): Promise<InteractionResponses> {
    const id = typeof interaction === 'string' ? interaction : interaction.id;
    const until = opts.until ?? answered;
    return this.recorder.waitUntil(
      () => {
        const r = this.responsesFor(id);
        return until(r) ? r : undefined;
      },
      { timeoutMs: opts.timeoutMs, what: `an answer to interaction ${id}` },
    );
  }

  // ---- gateway ------------------------------------------------------------------------------

  /**
   * Resolves once READY and the GUILD_CREATEs went out to `shardId` — by default to every shard
   * of the count the clients identified with (discord.js uses 1 unless `shards: 'auto'` or a
   * ShardingManager), or of `shards` while nobody has identified yet.
   */
  waitForReady(shardId?: number, timeoutMs = 10_000): Promise<void> {
    const wanted = (): number[] => {
      if (shardId !== undefined) return [shardId];
      const count = this.gateway.identifies.at(-1)?.shardCount ?? this.shardCount;
      return Array.from({ length: count }, (_, i) => i);
    };
    return this.recorder
      .waitUntil(() => this.gateway.identifies.length > 0 && wanted().every((s) => this.gateway.readyShards().includes(s)), {
        timeoutMs,
        what: shardId === undefined ? 'READY on every shard' : `READY on shard ${shardId}`,
      })
      .then(() => undefined);
  }

  /** Dispatches any gateway event to the shard owning `target.guildId` (or shard 0). */
  dispatch(t: string, d: JsonObject, target: DispatchTarget = {}): DispatchRecord {
    return this.gateway.dispatch(t, d, target);
  }

  /** Dispatches INTERACTION_CREATE and starts the interaction's 3 s callback clock. */
  sendInteraction(payload: InteractionPayload): InteractionPayload {
    this.world.interactions.set(payload.id, {
      id: payload.id,
      token: payload.token,
      type: payload.type,
      payload,
      dispatchedAt: Date.now(),
      callbacks: [],
      originalMessageId: null,
      followUpIds: [],
    });
    this.gateway.dispatch('INTERACTION_CREATE', payload, { guildId: payload.guild_id ?? null });
    return payload;
  }

  /** Dispatches MESSAGE_CREATE for a message written by a human (see SendMessageOptions). */
  sendMessage(opts: SendMessageOptions): MessageJson {
    const message = this.world.storeMessage(this.builder.userMessage(opts));
    this.gateway.dispatch('MESSAGE_CREATE', message as unknown as JsonObject, { guildId: message.guild_id ?? null });
    return message;
  }

  /** Closes the shard's socket (default: all) so the client resumes; see Gateway.dropSocket. */
  dropSocket(shardId?: number, opts: { code?: number; terminate?: boolean } = {}): number {
    return this.gateway.dropSocket(shardId, opts);
  }

  // ---- payload builders (build only; pass the result to sendInteraction) --------------------

  chatInput(name: string, options?: Record<string, OptionValue>, ctx?: InteractionContext): InteractionPayload {
    return this.builder.chatInput(name, options, ctx);
  }

  autocomplete(name: string, options: Record<string, OptionValue>, focused: string, ctx?: InteractionContext): InteractionPayload {
    return this.builder.autocomplete(name, options, focused, ctx);
  }

  button(message: MessageJson, customId: string, ctx?: InteractionContext): InteractionPayload {
    return this.builder.button(message, customId, ctx);
  }

  select(message: MessageJson, customId: string, values: string[], ctx?: InteractionContext): InteractionPayload {
    return this.builder.select(message, customId, values, ctx);
  }

  modalSubmit(customId: string, fields: Record<string, string>, ctx?: InteractionContext & { message?: MessageJson }): InteractionPayload {
    return this.builder.modalSubmit(customId, fields, ctx);
  }

  // ---- faults -------------------------------------------------------------------------------

  /** Answer the next `times` matching requests with `status` (429s carry Retry-After). */
  failNext(matcher: RequestMatcher, options: FaultOptions): FaultRule {
    return this.faults.add(matcher, options);
  }

  /** Delay handling of matching requests (all if no matcher); 0 removes the delay. */
  setHandlerDelay(ms: number, matcher?: RequestMatcher): void {
    this.faults.setDelay(ms, matcher);
  }

  /** Handle the next `times` matching requests at once but send their responses `ms` late. */
  delayResponses(ms: number, matcher: RequestMatcher, times = 1): ResponseDelayRule {
    return this.faults.delayResponses(ms, matcher, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Closes every socket and the server; pending waits reject. Safe to call twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.recorder.close();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function answered(r: InteractionResponses): boolean {
  switch (r.callbackType) {
    case null:
      return false;
    case 5:
      return r.original === null || r.originalDeleted || !(r.original.flags & LOADING);
    case 6:
      return r.requests.some((q) => q.method === 'PATCH' && q.status !== undefined && q.status < 300) || r.followUps.length > 0;
    default:
      return true;
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const shards = Math.max(1, options.shards ?? 1);
  const tokens = options.validTokens?.length ? options.validTokens : [`emu.${randomBytes(24).toString('base64url')}`];
  const validTokens = new Set(tokens);
  const runtime: RuntimeOptions = {
    shards,
    maxConcurrency: options.maxConcurrency ?? 16,
    interactionTimeoutMs: options.interactionTimeoutMs ?? 3000,
    echoBotMessages: options.echoBotMessages ?? true,
  };
  const world = new World({ shards, guilds: options.guilds, botUser: options.botUser, applicationId: options.applicationId });
  const recorder = new Recorder();
  const faults = new Faults();
  let port = 0;
  const gateway = new Gateway({
    world,
    validTokens,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    disabledPrivilegedIntents: options.disabledPrivilegedIntents ?? [],
    baseUrl: () => `ws://127.0.0.1:${port}`,
    onChange: () => recorder.changed(),
  });
  const internalErrors: { requestIndex: number; error: unknown }[] = [];
  const builder = new PayloadBuilder(world);
  const server = createServer(
    createRequestHandler({
      world,
      builder,
      gateway,
      recorder,
      faults,
      validator: options.validateBodies === false ? null : getSpecValidator(),
      validTokens,
      options: runtime,
      internalErrors,
    }),
  );
  server.on('upgrade', (req, socket, head: Buffer) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return new DiscordEmulator({ server, port, world, gateway, recorder, faults, builder, tokens, shards, internalErrors });
}
