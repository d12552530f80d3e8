/**
 * A sliding-window counter per key, in memory: at most `limit` hits per key within any `windowMs`. The clock is
 * injectable so tests need no waiting. lib/store wraps it behind the interface a shared store also implements.
 *
 * Memory is bounded: each key keeps at most `limit` timestamps, and past `maxKeys` the keys idle longest are
 * dropped (an attacker spraying addresses cannot grow the map without end).
 */

export interface LimiterOptions {
  limit: number;
  windowMs: number;
  now?: () => number;
  maxKeys?: number;
}

export interface LimitVerdict {
  allowed: boolean;
  /** Hits left in the current window (0 when refused). */
  remaining: number;
  /** How long until one more hit would be allowed; 0 when allowed now. */
  retryAfterMs: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: LimiterOptions) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  /** Whether `key` may make one more hit now, without counting one. */
  check(key: string): LimitVerdict {
    const live = this.live(key);
    const { limit, windowMs } = this.options;
    if (live.length < limit) return { allowed: true, remaining: limit - live.length, retryAfterMs: 0 };
    // The oldest hit still in the window leaves it first.
    const oldest = live[live.length - limit] ?? this.now();
    return { allowed: false, remaining: 0, retryAfterMs: Math.max(1, oldest + windowMs - this.now()) };
  }

  /** Counts one hit for `key` if allowed, and tells the verdict (a refused hit is not counted). */
  take(key: string): LimitVerdict {
    const verdict = this.check(key);
    if (!verdict.allowed) return verdict;
    this.record(key);
    return { ...verdict, remaining: verdict.remaining - 1 };
  }

  /** Counts one hit for `key` unconditionally. */
  record(key: string): void {
    const live = this.live(key);
    live.push(this.now());
    if (live.length > this.options.limit) live.splice(0, live.length - this.options.limit);
    this.hits.delete(key); // re-insert: the Map's order is then least recently used first
    this.hits.set(key, live);
    this.evict();
  }

  /** Forgets `key` (e.g. its failures, after a successful sign-in). */
  reset(key: string): void {
    this.hits.delete(key);
  }

  get size(): number {
    return this.hits.size;
  }

  // A key's times are in order, so the expired ones are a prefix: drop it in place rather than copy the rest
  // (a generous limit keeps thousands of times per key, and this runs twice per hit).
  private live(key: string): number[] {
    const times = this.hits.get(key);
    if (!times) return [];
    const since = this.now() - this.options.windowMs;
    let expired = 0;
    while (expired < times.length && times[expired]! <= since) expired++;
    if (expired > 0) times.splice(0, expired);
    if (times.length === 0) this.hits.delete(key);
    return times;
  }

  private evict(): void {
    for (const key of this.hits.keys()) {
      if (this.hits.size <= this.maxKeys) return;
      this.hits.delete(key);
    }
  }
}

/** "N minutes" / "N seconds" for a retry delay, rounded up. */
export function describeWait(ms: number): string {
  if (ms > 60_000) {
    const minutes = Math.ceil(ms / 60_000);
    return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  }
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return `${seconds} second${seconds === 1 ? "" : "s"}`;
}

/** The Retry-After header value: whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): string {
  return String(Math.max(1, Math.ceil(ms / 1000)));
}
