// Injected REST failures and delays: how a test proves the bot survives Discord's bad moments
// (rate limits, 5xx, slow responses) without depending on timing luck.

import { requestMatches } from './recorder.js';
import type { RecordedRequest, RequestMatcher } from './recorder.js';

export interface FaultOptions {
  /** HTTP status to answer with, e.g. 429 or 500. */
  status: number;
  /**
   * For 429: seconds sent as the `Retry-After` header (fractions allowed). discord.js waits for
   * that header plus its 50 ms offset; it ignores the body's `retry_after`. Default 0.1.
   */
  retryAfter?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global`), which stalls every route of the client. */
  global?: boolean;
  /** Replaces the default error body. */
  body?: unknown;
  /** Fail only the first matching request of each path (e.g. each interaction's first callback). */
  perPath?: boolean;
  /** The rule expires this long after it was added (e.g. 429s "for 4 s"). */
  forMs?: number;
}

export interface ResponseDelayRule {
  readonly matcher: RequestMatcher;
  readonly ms: number;
  /** Responses still to delay. */
  remaining: number;
}

export interface FaultRule {
  readonly matcher: RequestMatcher;
  readonly options: FaultOptions;
  /** Requests this rule answered so far. */
  hits: number;
  /** Failures still to inject. */
  remaining: number;
  cancel(): void;
}

export interface FaultResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export class Faults {
  private rules: FaultRule[] = [];
  private delays: { matcher: RequestMatcher | undefined; ms: number }[] = [];
  private responseDelays: ResponseDelayRule[] = [];
  private readonly seenPaths = new WeakMap<FaultRule, Set<string>>();
  private readonly expiry = new WeakMap<FaultRule, number>();

  add(matcher: RequestMatcher, options: FaultOptions): FaultRule {
    const rule: FaultRule = {
      matcher,
      options,
      hits: 0,
      remaining: options.times ?? 1,
      cancel: () => {
        this.rules = this.rules.filter((r) => r !== rule);
      },
    };
    this.rules.push(rule);
    if (options.perPath) this.seenPaths.set(rule, new Set());
    if (options.forMs !== undefined) this.expiry.set(rule, Date.now() + options.forMs);
    return rule;
  }

  private applies(rule: FaultRule, req: RecordedRequest): boolean {
    if (rule.remaining <= 0 || !requestMatches(rule.matcher, req)) return false;
    if ((this.expiry.get(rule) ?? Infinity) < Date.now()) return false;
    const seen = this.seenPaths.get(rule);
    if (seen) {
      if (seen.has(req.path)) return false;
      seen.add(req.path);
    }
    return true;
  }

  /** The injected answer for this request, consuming one use of the first matching rule. */
  take(req: RecordedRequest): FaultResponse | null {
    const rule = this.rules.find((r) => this.applies(r, req));
    if (!rule) return null;
    rule.remaining -= 1;
    rule.hits += 1;
    if (rule.remaining === 0) rule.cancel();
    const { status } = rule.options;
    if (status === 429) {
      const retryAfter = rule.options.retryAfter ?? 0.1;
      const global = rule.options.global ?? false;
      return {
        status,
        headers: {
          'Retry-After': String(retryAfter),
          'X-RateLimit-Scope': global ? 'global' : 'user',
          ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
        },
        body: rule.options.body ?? { message: 'You are being rate limited.', retry_after: retryAfter, global },
      };
    }
    const reason = status >= 500 ? 'Internal Server Error' : 'Injected fault';
    return { status, headers: {}, body: rule.options.body ?? { message: `${status}: ${reason}`, code: 0 } };
  }

  /** Delay every matching request's handling by `ms` (0 removes the delay for that matcher). */
  setDelay(ms: number, matcher?: RequestMatcher): void {
    this.delays = this.delays.filter((d) => d.matcher !== matcher);
    if (ms > 0) this.delays.push({ matcher, ms });
  }

  delayFor(req: RecordedRequest): number {
    return this.delays.find((d) => !d.matcher || requestMatches(d.matcher, req))?.ms ?? 0;
  }

  /**
   * Handle the next `times` matching requests at once but hold their responses back `ms`: Discord
   * did the work, the client doesn't hear about it (and discord.js re-sends after its timeout).
   */
  delayResponses(ms: number, matcher: RequestMatcher, times = 1): ResponseDelayRule {
    const rule: ResponseDelayRule = { matcher, ms, remaining: times };
    this.responseDelays.push(rule);
    return rule;
  }

  /** How long to hold this request's response, consuming one use of the first matching rule. */
  takeResponseDelay(req: RecordedRequest): number {
    const rule = this.responseDelays.find((r) => r.remaining > 0 && requestMatches(r.matcher, req));
    if (!rule) return 0;
    rule.remaining -= 1;
    return rule.ms;
  }

  clear(): void {
    this.rules = [];
    this.delays = [];
    this.responseDelays = [];
  }
}
