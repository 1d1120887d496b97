// The shared e2e harness: a local Discord emulator plus the bot started exactly like the
// production entry does (runFromEnv with DISCORD_TOKEN and DISCORD_API_URL), logging into memory.
//
// `useBotSuite()` gives one emulator + bot per describe block and, after every test, asserts the
// invariants that must hold whatever the scenario: no body failed Discord's OpenAPI schema, no
// protocol error, no emulator failure, no unhandled rejection, no error logged, no apology sent,
// and nothing the bot sent could ping anyone. A test that expects one of these says so
// (`suite.expect.*`) and then asserts it itself.

import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { runFromEnv, type RunFromEnvOptions, type RunningFromEnv } from '../../../src/bot/start.js';
import { APOLOGY } from '../../../src/bot/errors.js';
import { startEmulator, ROUTES } from '../emulator/index.js';
import { makeUser } from '../emulator/state.js';
import type {
  DiscordEmulator,
  EmulatorOptions,
  InteractionPayload,
  InteractionResponses,
  JsonObject,
  MessageJson,
  ProtocolError,
  RecordedRequest,
  SendMessageOptions,
  SpecViolation,
  UserJson,
} from '../emulator/index.js';
import { LEVEL, LogCapture } from './logs.js';

export { LEVEL, LogCapture, type LogLine } from './logs.js';
export { APOLOGY };

// ---- process health -------------------------------------------------------------------------

// discord.js reports a malformed gateway payload (and our own bugs in event handlers) only as an
// unhandled rejection; every test checks that none happened while it ran.
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason: unknown) => {
  unhandled.push(reason);
});

/** Unhandled rejections seen since `since` (an index into the process-wide list). */
export function unhandledSince(since: number): unknown[] {
  return unhandled.slice(since);
}

export function unhandledMark(): number {
  return unhandled.length;
}

// ---- starting the bot -----------------------------------------------------------------------

export type BotStartOptions = Omit<RunFromEnvOptions, 'logger' | 'logDestination'>;

export interface StartedBot {
  readonly bot: RunningFromEnv;
  readonly logs: LogCapture;
  /** Destroys the client; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the bot against `emu` through `runFromEnv`, the function src/index.ts calls, with only
 * `DISCORD_TOKEN` and `DISCORD_API_URL` (plus `extraEnv`, e.g. ANSWER_CHANNEL_IDS). Resolves after
 * READY and the command sync, so stopping it afterwards is always safe.
 */
export async function startBotAgainst(
  emu: DiscordEmulator,
  extraEnv: Record<string, string> = {},
  options: BotStartOptions = {},
  logs: LogCapture = new LogCapture(),
): Promise<StartedBot> {
  const env = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, ...extraEnv };
  const bot = await runFromEnv(env, { ...options, logDestination: logs.stream });
  return { bot, logs, stop: () => bot.stop() };
}

// ---- the per-suite fixture --------------------------------------------------------------------

export interface BotSuiteOptions {
  emulator?: EmulatorOptions;
  /** Runs after the emulator started and before the bot logs in (e.g. to add channels to the world). */
  prepare?: (emu: DiscordEmulator) => void;
  /** Extra environment for the bot, computed from the emulator (e.g. its answer channel id). */
  env?: (emu: DiscordEmulator) => Record<string, string>;
  bot?: BotStartOptions;
}

/** What a test declares it expects, so the after-each checks let it through. */
export interface Expectations {
  /** Protocol errors this test provokes on purpose (it asserts them itself). */
  protocolErrors(count: number): void;
  /** Error-level log lines are expected (the test asserts them). */
  errorLogs(): void;
  /** The apology may be sent (the test asserts where and how). */
  apology(): void;
}

export interface BotSuite {
  readonly emu: DiscordEmulator;
  readonly bot: RunningFromEnv;
  readonly logs: LogCapture;
  /** Request index at the start of the current test. */
  readonly since: number;
  /** Log line index at the start of the current test. */
  readonly logSince: number;
  readonly expect: Expectations;
  /** Stop the bot and start it again (same emulator, same logs), e.g. after a fault test. */
  restart(extraEnv?: Record<string, string>, options?: BotStartOptions): Promise<void>;
}

/**
 * One emulator and one bot for the enclosing describe block, with the after-each invariants.
 * Call at the top of a describe; the returned object is filled in by beforeAll.
 */
export function useBotSuite(opts: BotSuiteOptions = {}): BotSuite {
  let emu: DiscordEmulator | undefined;
  let started: StartedBot | undefined;
  const logs = new LogCapture();
  let since = 0;
  let logSince = 0;
  let unhandledAt = 0;
  let counts = { spec: 0, protocol: 0, internal: 0 };
  let allowed = { protocol: 0, errorLogs: false, apology: false };

  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready: did beforeAll fail?`);
    return value;
  };

  const suite: BotSuite = {
    get emu() {
      return need(emu, 'the emulator');
    },
    get bot() {
      return need(started, 'the bot').bot;
    },
    logs,
    get since() {
      return since;
    },
    get logSince() {
      return logSince;
    },
    expect: {
      protocolErrors: (count) => {
        allowed.protocol = count;
      },
      errorLogs: () => {
        allowed.errorLogs = true;
      },
      apology: () => {
        allowed.apology = true;
      },
    },
    async restart(extraEnv, options) {
      const e = need(emu, 'the emulator');
      await started?.stop();
      started = await startBotAgainst(e, { ...opts.env?.(e), ...extraEnv }, { ...opts.bot, ...options }, logs);
    },
  };

  beforeAll(async () => {
    emu = await startEmulator(opts.emulator);
    opts.prepare?.(emu);
    started = await startBotAgainst(emu, opts.env?.(emu) ?? {}, opts.bot ?? {}, logs);
  });

  afterAll(async () => {
    // Stop the bot first (it is past READY here), then the emulator's sockets and server.
    await started?.stop();
    if (emu) {
      const e = emu;
      await e.stop();
      // Across the whole describe: every body the bot sent passed Discord's schema.
      expect(e.specViolations, 'spec violations over the whole suite').toEqual([]);
      expect(e.internalErrors).toEqual([]);
    }
  });

  beforeEach(() => {
    const e = need(emu, 'the emulator');
    since = e.mark();
    logSince = logs.mark();
    unhandledAt = unhandledMark();
    counts = { spec: e.specViolations.length, protocol: e.protocolErrors.length, internal: e.internalErrors.length };
    allowed = { protocol: 0, errorLogs: false, apology: false };
  });

  afterEach(() => {
    const e = need(emu, 'the emulator');
    expect(e.specViolations.slice(counts.spec), 'request bodies Discord would refuse').toEqual([] as SpecViolation[]);
    expect(e.internalErrors.slice(counts.internal), 'emulator failures').toEqual([]);
    const protocol = e.protocolErrors.slice(counts.protocol);
    if (allowed.protocol === 0) expect(protocol, 'protocol errors').toEqual([] as ProtocolError[]);
    else expect(protocol).toHaveLength(allowed.protocol);
    expect(unhandledSince(unhandledAt), 'unhandled rejections').toEqual([]);
    if (!allowed.errorLogs) expect(logs.describe(logs.atLeast(LEVEL.error, logSince)), 'error log lines').toEqual([]);
    assertNothingPings(e, since);
    if (!allowed.apology) {
      const apologies = sentContents(e, since).filter((c) => c === APOLOGY);
      expect(apologies, 'apologies sent').toEqual([]);
    }
  });

  return suite;
}

// ---- what the bot sent ----------------------------------------------------------------------

/** Message bodies (content-bearing) of every request the bot made since `since`: callbacks, webhooks, channel messages. */
export function messageBodies(emu: DiscordEmulator, since = 0): { request: RecordedRequest; body: JsonObject }[] {
  const out: { request: RecordedRequest; body: JsonObject }[] = [];
  for (const r of emu.requests(undefined, since)) {
    if (r.method !== 'POST' && r.method !== 'PATCH') continue;
    const body = r.body as JsonObject | undefined;
    if (!body || typeof body !== 'object') continue;
    if (r.route === '/interactions/{interaction_id}/{interaction_token}/callback') {
      const data = body['data'] as JsonObject | undefined;
      if ((body['type'] === 4 || body['type'] === 7) && data) out.push({ request: r, body: data });
    } else if (r.route?.startsWith('/webhooks/') || r.route === '/channels/{channel_id}/messages' || r.route === '/channels/{channel_id}/messages/{message_id}') {
      out.push({ request: r, body });
    }
  }
  return out;
}

/** The `content` of every message body the bot sent since `since`. */
export function sentContents(emu: DiscordEmulator, since = 0): string[] {
  return messageBodies(emu, since).map(({ body }) => (typeof body['content'] === 'string' ? body['content'] : ''));
}

/**
 * No ping, ever: every message body carries `allowed_mentions` with an empty `parse` and no
 * explicit users/roles (and `replied_user` not true), and no stored bot message mentions anyone.
 */
export function assertNothingPings(emu: DiscordEmulator, since = 0): void {
  const problems: string[] = [];
  for (const { request, body } of messageBodies(emu, since)) {
    const am = body['allowed_mentions'] as { parse?: unknown; users?: unknown[]; roles?: unknown[]; replied_user?: unknown } | undefined;
    const ok =
      am !== undefined &&
      Array.isArray(am.parse) &&
      am.parse.length === 0 &&
      (am.users ?? []).length === 0 &&
      (am.roles ?? []).length === 0 &&
      am.replied_user !== true;
    if (!ok) problems.push(`#${request.index} ${request.method} ${request.path}: allowed_mentions ${JSON.stringify(am)}`);
  }
  // Messages the bot created over REST (not ones a test wrote in the bot's name).
  const created = new Set<string>();
  for (const rec of emu.world.interactions.values()) {
    if (rec.originalMessageId) created.add(rec.originalMessageId);
    for (const id of rec.followUpIds) created.add(id);
  }
  for (const r of emu.requests('POST /channels/{channel_id}/messages')) {
    const id = (r.response as JsonObject | undefined)?.['id'];
    if (typeof id === 'string') created.add(id);
  }
  for (const m of emu.botMessages().filter((x) => created.has(x.id))) {
    if (m.mention_everyone || m.mentions.length > 0 || m.mention_roles.length > 0) {
      problems.push(`message ${m.id} pings: everyone=${m.mention_everyone} users=${m.mentions.length} roles=${m.mention_roles.length}`);
    }
  }
  expect(problems, 'bodies that could ping someone').toEqual([]);
}

// ---- driving --------------------------------------------------------------------------------

let userCounter = 0;

/** A fresh human (the bot's per-user cooldown is per author, so message tests use one each). */
export function newUser(emu: DiscordEmulator, name = 'tester'): UserJson {
  userCounter += 1;
  const user = makeUser(`${name}${userCounter}`, null);
  emu.world.users.set(user.id, user);
  return user;
}

/** Sends an interaction and waits until the user would see the answer. */
export async function interact(emu: DiscordEmulator, payload: InteractionPayload, timeoutMs = 5000): Promise<InteractionResponses> {
  emu.sendInteraction(payload);
  return emu.waitForResponse(payload, { timeoutMs });
}

/** `/ask question:<q>` (optionally private) and its answer. */
export function ask(emu: DiscordEmulator, question: string, extra: { private?: boolean; user?: UserJson; channelId?: string } = {}) {
  const options: Record<string, string | boolean> = { question };
  if (extra.private !== undefined) options['private'] = extra.private;
  const ctx = { ...(extra.user ? { user: extra.user } : {}), ...(extra.channelId ? { channelId: extra.channelId } : {}) };
  return interact(emu, emu.chatInput('ask', options, ctx));
}

/** The bot's successful reply (`POST /channels/{id}/messages` referencing `message`). */
export function waitForReplyTo(emu: DiscordEmulator, message: MessageJson, timeoutMs = 5000): Promise<RecordedRequest> {
  return emu.waitForRequest(
    (r) =>
      r.method === 'POST' &&
      r.route === ROUTES.createMessage.slice(5) &&
      r.status !== undefined &&
      r.status < 300 &&
      ((r.body as JsonObject | undefined)?.['message_reference'] as JsonObject | undefined)?.['message_id'] === message.id,
    { timeoutMs },
  );
}

/** Every reply attempt (any status) the bot made to `message`. */
export function replyAttempts(emu: DiscordEmulator, message: MessageJson, since = 0): RecordedRequest[] {
  return emu.requests(
    (r) => ((r.body as JsonObject | undefined)?.['message_reference'] as JsonObject | undefined)?.['message_id'] === message.id,
    since,
  ).filter((r) => r.method === 'POST' && r.route === '/channels/{channel_id}/messages');
}

/** Sends a user message and waits for the bot's reply to it. */
export async function sendAndWaitReply(emu: DiscordEmulator, opts: SendMessageOptions, timeoutMs = 5000): Promise<{ message: MessageJson; reply: RecordedRequest; content: string }> {
  const message = emu.sendMessage(opts);
  const reply = await waitForReplyTo(emu, message, timeoutMs);
  const content = String((reply.body as JsonObject)['content'] ?? '');
  return { message, reply, content };
}

/**
 * Proves the bot ignored what `act` sent, without sleeping: after `act`, a marker question from a
 * fresh user goes to `channelId`, and once its answer arrived, the only thing the bot sent since
 * the mark must be that answer. Gateway events are handled in order and replies in one channel go
 * through one sequential REST queue, so a reply to an earlier message would have arrived first.
 */
export async function expectIgnored(emu: DiscordEmulator, channelId: string, act: () => void): Promise<void> {
  const mark = emu.mark();
  act();
  const marker = emu.sendMessage({ content: 'Who are the guarantor countries?', channelId, author: newUser(emu, 'marker'), mentionBot: true });
  const answer = await waitForReplyTo(emu, marker);
  const sent = emu
    .requests(undefined, mark)
    .filter((r) => r.method !== 'GET' && r.index !== answer.index)
    .map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body).slice(0, 120)}`);
  expect(sent, 'requests other than the marker answer').toEqual([]);
}

// ---- reading answers --------------------------------------------------------------------------

/** Undoes the renderer's escaping (backslash escapes, zero-width spaces, bidi isolates) to compare with raw text. */
export function unescapeDiscord(text: string): string {
  return text.replace(/\\([^\w\s])/g, '$1').replace(/[\u200b\u2068\u2069]/g, '');
}

/** The quote lines (`> “…” — sentence n`) of an answer, unescaped. */
export function quotesOf(content: string): { sentence: number; text: string }[] {
  const out: { sentence: number; text: string }[] = [];
  for (const line of content.split('\n')) {
    const m = /^> “(.*)” — sentence (\d+)/.exec(unescapeDiscord(line));
    if (m) out.push({ sentence: Number(m[2]), text: m[1] as string });
  }
  return out;
}

export function flagsOf(message: MessageJson | undefined | null): number {
  return message?.flags ?? 0;
}

export const EPHEMERAL = 64;

/** Buttons and select menus of a message, by custom_id. */
export function componentsOf(message: MessageJson): JsonObject[] {
  const out: JsonObject[] = [];
  for (const row of message.components) for (const c of (row['components'] as JsonObject[] | undefined) ?? []) out.push(c);
  return out;
}

export function customIdsOf(message: MessageJson): string[] {
  return componentsOf(message).map((c) => String(c['custom_id']));
}

/** Milliseconds between two moments, rounded for reporting. */
export function ms(from: number, to: number): number {
  return Math.round(to - from);
}
