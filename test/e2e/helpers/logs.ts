// An in-memory destination for the bot's pino logger: every JSON line is parsed and kept, so a
// test can assert on what was logged (and wait for a line) instead of on console output.

import { Writable } from 'node:stream';

export interface LogLine {
  /** pino levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
  level: number;
  msg: string;
  time?: number;
  module?: string;
  [key: string]: unknown;
}

export const LEVEL = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

type LogPredicate = (line: LogLine) => boolean;

interface Waiter {
  predicate: LogPredicate;
  since: number;
  resolve: (line: LogLine) => void;
}

export class LogCapture {
  readonly lines: LogLine[] = [];
  /** Pass as `logDestination` to runFromEnv. */
  readonly stream: Writable;
  private readonly waiters = new Set<Waiter>();

  constructor() {
    this.stream = new Writable({
      write: (chunk: Buffer | string, _encoding, done) => {
        for (const text of chunk.toString().split('\n')) if (text.trim() !== '') this.push(text);
        done();
      },
    });
  }

  /** Index of the next line: pass as `since` to look only at what is logged afterwards. */
  mark(): number {
    return this.lines.length;
  }

  find(predicate: LogPredicate, since = 0): LogLine[] {
    return this.lines.slice(since).filter(predicate);
  }

  /** Lines at `level` or above (e.g. LEVEL.error). */
  atLeast(level: number, since = 0): LogLine[] {
    return this.find((l) => l.level >= level, since);
  }

  /** Resolves with the first line (at or after `since`) matching; rejects after the timeout, listing the last lines. */
  waitFor(predicate: LogPredicate, opts: { since?: number; timeoutMs?: number; what?: string } = {}): Promise<LogLine> {
    const since = opts.since ?? 0;
    const already = this.find(predicate, since)[0];
    if (already) return Promise.resolve(already);
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise<LogLine>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        since,
        resolve: (line) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const last = this.lines.slice(-15).map((l) => `  [${l.level}] ${l.msg}`).join('\n');
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a log line: ${opts.what ?? 'matching the predicate'}\nLast lines:\n${last}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** One short line per entry, for failure messages. */
  describe(lines: readonly LogLine[]): string[] {
    return lines.map((l) => {
      const err = l['err'] as { message?: string } | undefined;
      return `[${l.level}] ${l.msg}${err?.message ? `: ${err.message}` : ''}`;
    });
  }

  private push(text: string): void {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      line = { level: LEVEL.error, msg: `unparseable log line: ${text}` };
    }
    const index = this.lines.length;
    this.lines.push(line);
    for (const w of [...this.waiters]) if (index >= w.since && w.predicate(line)) w.resolve(line);
  }
}
