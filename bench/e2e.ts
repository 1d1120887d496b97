/**
 * End to end through the Discord emulator: the time from `sendInteraction` (the gateway dispatch)
 * to the emulator receiving the interaction-callback POST, for a burst of /ask interactions from
 * many users and for questions asked one at a time. The client under test runs in a child process
 * (bench/process.ts), so its work and the emulator's do not share an event loop.
 */
import type { IncomingMessage, Server } from 'node:http';
import { snowflake, startEmulator, type DiscordEmulator, type InteractionPayload, type UserJson } from '../test/e2e/emulator/index.js';
import type { MemoryReport } from './child-ipc.js';
import { BenchChild, type ChildKind, type ChildReady } from './process.js';
import { summarize, msBetween, type Summary } from './stats.js';

/** Timestamps (hrtime) of each interaction's first callback POST, taken when its headers arrive. */
class CallbackClock {
  readonly arrived = new Map<string, bigint>();
  readonly resolution: 'hrtime' | 'ms';
  private readonly server: Server | undefined;
  private readonly onRequest = (req: IncomingMessage): void => {
    const m = req.method === 'POST' ? /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/.exec(req.url ?? '') : null;
    if (m && !this.arrived.has(m[1] as string)) this.arrived.set(m[1] as string, process.hrtime.bigint());
  };

  constructor(private readonly emu: DiscordEmulator) {
    // The emulator's HTTP server is private; listening on it directly gives a sub-millisecond
    // arrival time (the recorder stamps Date.now()). Fall back to the recorder if it moved.
    const server = (emu as unknown as { server?: Server }).server;
    if (server && typeof server.prependListener === 'function') {
      this.server = server;
      this.resolution = 'hrtime';
      server.prependListener('request', this.onRequest);
    } else {
      this.resolution = 'ms';
    }
  }

  dispose(): void {
    this.server?.off('request', this.onRequest);
  }

  /** Latency in ms of interaction `id` dispatched at `sentAt`, once its callback arrived. */
  latency(id: string, sentAt: bigint, sentAtMs: number): number | undefined {
    if (this.resolution === 'hrtime') {
      const at = this.arrived.get(id);
      return at === undefined ? undefined : msBetween(sentAt, at);
    }
    const first = this.emu.world.interactions.get(id)?.callbacks[0];
    return first ? first.at - sentAtMs : undefined;
  }
}

export interface BurstOptions {
  readonly interactions: number;
  readonly users: number;
  readonly questions: readonly string[];
  readonly timeoutMs: number;
}

export interface BurstResult {
  readonly latency: Summary;
  readonly interactions: number;
  readonly users: number;
  /** Interactions whose callback never arrived within the timeout. */
  readonly unanswered: number;
  /** Callbacks the emulator refused (late: past Discord's 3 s window, or double acknowledgements). */
  readonly refused: number;
  /** First dispatch → last callback. */
  readonly wallMs: number;
  readonly perSecond: number;
  readonly resolution: 'hrtime' | 'ms';
}

function makeUsers(n: number): UserJson[] {
  return Array.from({ length: n }, (_, i) => ({
    id: snowflake(),
    username: `bench-user-${i}`,
    global_name: `Bench User ${i}`,
    discriminator: '0',
    avatar: null,
    bot: false,
  }));
}

/**
 * `interactions` /ask commands, user i % users asking question i % questions, dispatched in waves of
 * `users` (one per user) on consecutive event-loop turns, so the emulator can take callbacks in between.
 */
export async function runBurst(emu: DiscordEmulator, opts: BurstOptions): Promise<BurstResult> {
  const clock = new CallbackClock(emu);
  const users = makeUsers(opts.users);
  const payloads: InteractionPayload[] = Array.from({ length: opts.interactions }, (_, i) =>
    emu.chatInput('ask', { question: opts.questions[i % opts.questions.length] as string }, { user: users[i % users.length] as UserJson }),
  );
  const refusedBefore = emu.protocolErrors.length;
  const sent: Array<{ id: string; at: bigint; atMs: number }> = [];
  const first = process.hrtime.bigint();
  for (let i = 0; i < payloads.length; i += opts.users) {
    for (const p of payloads.slice(i, i + opts.users)) {
      sent.push({ id: p.id, at: process.hrtime.bigint(), atMs: Date.now() });
      emu.sendInteraction(p);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const done = () =>
    clock.resolution === 'hrtime' ? clock.arrived.size >= sent.length : sent.every((s) => clock.latency(s.id, s.at, s.atMs) !== undefined);
  await emu.waitUntil(done, { timeoutMs: opts.timeoutMs, what: 'every burst callback' }).catch(() => undefined);
  const latencies: number[] = [];
  let wallMs = 0;
  for (const s of sent) {
    const ms = clock.latency(s.id, s.at, s.atMs);
    if (ms === undefined) continue;
    latencies.push(ms);
    wallMs = Math.max(wallMs, msBetween(first, s.at) + ms);
  }
  clock.dispose();
  return {
    latency: summarize(latencies),
    interactions: opts.interactions,
    users: opts.users,
    unanswered: sent.length - latencies.length,
    refused: emu.protocolErrors.length - refusedBefore,
    wallMs,
    perSecond: latencies.length / (wallMs / 1000),
    resolution: clock.resolution,
  };
}

/** `count` /ask commands one at a time (each waits for the previous callback): latency without queueing. */
export async function runSequential(emu: DiscordEmulator, count: number, questions: readonly string[]): Promise<Summary> {
  const clock = new CallbackClock(emu);
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const p = emu.chatInput('ask', { question: questions[i % questions.length] as string });
    const at = process.hrtime.bigint();
    const atMs = Date.now();
    emu.sendInteraction(p);
    const got = await emu.waitUntil(
      () => {
        const ms = clock.latency(p.id, at, atMs);
        return ms === undefined ? undefined : { ms };
      },
      { timeoutMs: 5_000, what: `the callback of ${p.id}` },
    );
    latencies.push(got.ms);
  }
  clock.dispose();
  return summarize(latencies);
}

export interface ClientRunOptions {
  readonly burst: Omit<BurstOptions, 'questions'>;
  readonly sequential: number;
  readonly questions: readonly string[];
  /** The bot's test-only REST `globalRequestsPerSecond` (the bare client keeps discord.js's default of 50). */
  readonly globalRequestsPerSecond: number;
  /** Extra node flags for the child, e.g. ['--cpu-prof', '--cpu-prof-dir=…'] (bench/profile.ts). */
  readonly nodeArgs?: readonly string[];
}

export interface ClientRun {
  readonly kind: ChildKind;
  readonly ready: ChildReady;
  readonly memoryReady: MemoryReport;
  readonly memoryAfterBurst: MemoryReport;
  readonly burst: BurstResult;
  readonly sequential: Summary;
  /** What the child itself counted: replies sent, failures caught. */
  readonly handled: number;
  readonly failed: number;
  readonly specViolations: number;
}

/**
 * One client's whole run against a fresh emulator: spawn → ready (memory) → burst (memory) →
 * questions one at a time → stop. Body validation is off: it is the emulator's CPU, not the bot's.
 */
export async function measureClient(kind: ChildKind, opts: ClientRunOptions): Promise<ClientRun> {
  const emu = await startEmulator({ validateBodies: false });
  let child: BenchChild | undefined;
  try {
    const env: Record<string, string> = {
      DISCORD_TOKEN: emu.token,
      DISCORD_API_URL: emu.apiUrl,
      LOG_LEVEL: 'silent',
      BENCH_GLOBAL_RPS: String(opts.globalRequestsPerSecond),
    };
    const started = await BenchChild.start(kind, env, 30_000, opts.nodeArgs);
    child = started.child;
    const memoryReady = await child.memory();
    const burst = await runBurst(emu, { ...opts.burst, questions: opts.questions });
    const memoryAfterBurst = await child.memory();
    const sequential = await runSequential(emu, opts.sequential, opts.questions);
    const stats = await child.stats();
    return {
      kind,
      ready: started.ready,
      memoryReady,
      memoryAfterBurst,
      burst,
      sequential,
      ...stats,
      specViolations: emu.specViolations.length,
    };
  } finally {
    await child?.stop().catch(() => child?.kill());
    await emu.stop();
  }
}
