/**
 * A per-user cooldown for free-text questions: after an answer, the same user waits `seconds`
 * before the next one. Inside the window the first extra question gets one polite notice, the
 * rest get silence (so a spammer can't make the bot spam back).
 */
export type CooldownVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly notify: boolean; readonly retryAfterMs: number };

interface Entry {
  until: number;
  notified: boolean;
}

const SWEEP_THRESHOLD = 1000;

export class Cooldown {
  readonly #ms: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry>();

  constructor(seconds: number, now: () => number = Date.now) {
    this.#ms = Math.max(0, seconds) * 1000;
    this.#now = now;
  }

  get enabled(): boolean {
    return this.#ms > 0;
  }

  /** Users currently tracked (for tests and metrics). */
  get size(): number {
    return this.#entries.size;
  }

  /** Checks the user and, when allowed, starts their next window. */
  take(userId: string): CooldownVerdict {
    if (!this.enabled) return { allowed: true };
    const now = this.#now();
    const entry = this.#entries.get(userId);
    if (entry && entry.until > now) {
      const notify = !entry.notified;
      entry.notified = true;
      return { allowed: false, notify, retryAfterMs: entry.until - now };
    }
    if (this.#entries.size >= SWEEP_THRESHOLD) this.#sweep(now);
    this.#entries.set(userId, { until: now + this.#ms, notified: false });
    return { allowed: true };
  }

  #sweep(now: number): void {
    for (const [id, e] of this.#entries) if (e.until <= now) this.#entries.delete(id);
  }
}
