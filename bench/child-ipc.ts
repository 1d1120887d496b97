/**
 * The child side of bench/process.ts: reports readiness and memory to the parent over IPC.
 * Kept free of dependencies so it adds nothing to the memory it measures.
 */

export interface MemoryReport {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly startupMs: number; readonly clientReadyMs: number; readonly pid: number }
  | { readonly type: 'memory'; readonly memory: MemoryReport }
  | { readonly type: 'stats'; readonly handled: number; readonly failed: number }
  | { readonly type: 'error'; readonly message: string };

export type ParentMessage = { readonly cmd: 'memory' } | { readonly cmd: 'stats' } | { readonly cmd: 'stop' };

export interface ChildCounters {
  handled: number;
  failed: number;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Full GC first (the child runs with --expose-gc), so bot and bare client are compared on what they retain. */
function memory(): MemoryReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers };
}

/**
 * Call once the client is ready: `performance.now()` is milliseconds since this process started.
 * `clientReadyMs` is when the client emitted ClientReady (able to answer; default now): the bot
 * resolves later, after its slash-command sync. Answers the parent's requests until told to stop.
 */
export function serveParent(counters: ChildCounters, stop: () => Promise<void>, clientReadyMs?: number): void {
  const startupMs = performance.now();
  process.on('message', (raw: ParentMessage) => {
    if (raw.cmd === 'memory') send({ type: 'memory', memory: memory() });
    else if (raw.cmd === 'stats') send({ type: 'stats', handled: counters.handled, failed: counters.failed });
    else if (raw.cmd === 'stop') {
      stop()
        .catch(() => undefined)
        .finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', startupMs, clientReadyMs: clientReadyMs ?? startupMs, pid: process.pid });
}

export function reportFailure(err: unknown): never {
  send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}
