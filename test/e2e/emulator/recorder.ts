// Everything that reached the emulator, in arrival order, plus the waiting helpers. Tests assert
// on what the bot *sent* — the only thing real users see — so this log is the emulator's output.

import type { SpecError } from './spec-validator.js';

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  /** Position in the log (0-based); pass it as `since` to wait only for later requests. */
  index: number;
  method: string;
  /** Path without the `/api/v10` prefix, e.g. `/channels/123/messages`. */
  path: string;
  /** Spec-style route template, e.g. `/channels/{channel_id}/messages`, or null if unknown. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: {
    authorization?: string;
    contentType?: string;
    userAgent?: string;
    auditLogReason?: string;
  };
  /** Parsed JSON body (for multipart: the parsed `payload_json`), or undefined. */
  body: unknown;
  files: RecordedFile[];
  rawBody: Buffer;
  receivedAt: number;
  respondedAt?: number;
  /** Undefined while the request is being handled. */
  status?: number;
  response?: unknown;
  /** Set when an injected fault (`failNext`) answered instead of the handler. */
  fault?: 'rate-limit' | 'error';
  specErrors?: SpecError[];
}

export interface SpecViolation {
  requestIndex: number;
  method: string;
  path: string;
  route: string | null;
  errors: SpecError[];
  body: unknown;
  at: number;
}

/** A request Discord would refuse for reasons other than its body's shape (double acknowledge, late callback...). */
export interface ProtocolError {
  requestIndex: number;
  method: string;
  path: string;
  code: number;
  message: string;
  at: number;
}

/**
 * Which requests a helper applies to:
 * - `'POST /channels/{channel_id}/messages'` — method and route template (or concrete path);
 * - `'/users/@me'` — any method;
 * - a RegExp tested against `'METHOD /path'`;
 * - a predicate.
 */
export type RequestMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

export function requestMatches(matcher: RequestMatcher, r: { method: string; path: string; route: string | null }): boolean {
  if (typeof matcher === 'function') return matcher(r as RecordedRequest);
  if (matcher instanceof RegExp) return matcher.test(`${r.method} ${r.path}`);
  const m = /^([A-Z]+)\s+(\S+)$/.exec(matcher.trim());
  const [method, target] = m ? [m[1], m[2]] : [undefined, matcher.trim()];
  if (method && method !== r.method) return false;
  return target === r.route || target === r.path;
}

export function describeMatcher(matcher: RequestMatcher): string {
  if (typeof matcher === 'function') return matcher.name ? `predicate ${matcher.name}` : 'a predicate';
  return String(matcher);
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only consider requests with `index >= since` (see `mark()`). */
  since?: number;
}

interface Waiter {
  check: () => boolean;
  fail: (error: Error) => void;
}

export class Recorder {
  readonly log: RecordedRequest[] = [];
  readonly specViolations: SpecViolation[] = [];
  readonly protocolErrors: ProtocolError[] = [];
  private readonly waiters = new Set<Waiter>();
  private closed = false;

  begin(entry: Omit<RecordedRequest, 'index'>): RecordedRequest {
    const rec: RecordedRequest = { index: this.log.length, ...entry };
    this.log.push(rec);
    return rec;
  }

  complete(rec: RecordedRequest, status: number, response: unknown): void {
    rec.status = status;
    rec.response = response;
    rec.respondedAt = Date.now();
    this.changed();
  }

  violation(rec: RecordedRequest, errors: SpecError[]): void {
    rec.specErrors = errors;
    this.specViolations.push({
      requestIndex: rec.index,
      method: rec.method,
      path: rec.path,
      route: rec.route,
      errors,
      body: rec.body,
      at: Date.now(),
    });
  }

  protocolError(rec: RecordedRequest, code: number, message: string): void {
    this.protocolErrors.push({ requestIndex: rec.index, method: rec.method, path: rec.path, code, message, at: Date.now() });
  }

  /** Completed requests matching `matcher`, oldest first. */
  find(matcher?: RequestMatcher, since = 0): RecordedRequest[] {
    return this.log.filter((r) => r.index >= since && r.status !== undefined && (!matcher || requestMatches(matcher, r)));
  }

  /** Resolves with the first completed matching request (already received ones count unless `since` excludes them). */
  waitForRequest(matcher: RequestMatcher, opts: WaitOptions = {}): Promise<RecordedRequest> {
    const since = opts.since ?? 0;
    return this.waitUntil(() => this.find(matcher, since)[0], {
      timeoutMs: opts.timeoutMs,
      what: `a request matching ${describeMatcher(matcher)}${since ? ` (index >= ${since})` : ''}`,
    });
  }

  /**
   * Re-evaluates `check` whenever something reaches the emulator (a request completes, an event
   * is dispatched) until it returns a value other than undefined/null/false.
   */
  waitUntil<T>(check: () => T | undefined | null | false, opts: { timeoutMs?: number; what?: string } = {}): Promise<T> {
    const timeoutMs = opts.timeoutMs ?? 5000;
    return new Promise<T>((resolve, reject) => {
      const first = check();
      if (first !== undefined && first !== null && first !== false) return resolve(first);
      if (this.closed) return reject(new Error('the emulator is stopped'));
      const waiter: Waiter = {
        check: () => {
          let value: T | undefined | null | false;
          try {
            value = check();
          } catch (error) {
            // A throwing check must fail its own wait, not the request that happened to wake it.
            waiter.fail(error instanceof Error ? error : new Error(String(error)));
            return false;
          }
          if (value === undefined || value === null || value === false) return false;
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(value);
          return true;
        },
        fail: (error) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiter.fail(new Error(`timed out after ${timeoutMs} ms waiting for ${opts.what ?? 'a condition'}.\n${this.summary()}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  changed(): void {
    for (const w of [...this.waiters]) w.check();
  }

  /** The last requests, one line each — appended to every timeout so a failing test shows what did arrive. */
  summary(last = 30): string {
    if (this.log.length === 0) return 'No request reached the emulator.';
    const lines = this.log.slice(-last).map((r) => `  #${r.index} ${r.method} ${r.path} → ${r.status ?? 'pending'}${r.fault ? ` (injected ${r.fault})` : ''}`);
    return `Requests received (${this.log.length}${this.log.length > last ? `, last ${last} shown` : ''}):\n${lines.join('\n')}`;
  }

  close(): void {
    this.closed = true;
    for (const w of [...this.waiters]) w.fail(new Error('the emulator was stopped while waiting'));
  }
}
