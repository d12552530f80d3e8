/**
 * Rate limits behind an interface a shared store can implement: a sliding window of hits per key. `take` counts
 * a hit only when under the limit, atomically, so N concurrent callers get at most `limit` hits between them.
 */
import { SlidingWindowLimiter, type LimitVerdict } from "@/lib/rate-limit/sliding-window";

export interface LimitRule {
  /** Keeps rules apart in a shared store: `signin.account`, `signin.address`, `token.user`. */
  name: string;
  limit: number;
  windowMs: number;
  /**
   * What a shared store does while it cannot answer: `refuse` (the default) throws StoreUnavailableError, so a
   * sign-in is refused rather than left unlimited; `local` counts on this instance alone until it is back.
   */
  whenStoreDown?: "refuse" | "local";
}

export type { LimitVerdict };

export interface Limiter {
  /** Counts one hit if under the limit; the verdict says whether it was counted and, if not, when to retry. */
  take(key: string): Promise<LimitVerdict>;
  check(key: string): Promise<LimitVerdict>;
  reset(key: string): Promise<void>;
}

export interface LimitStore {
  limiter(rule: LimitRule): Limiter;
}

export class MemoryLimitStore implements LimitStore {
  private readonly limiters = new Map<string, Limiter>();

  constructor(private readonly now: () => number = Date.now) {}

  limiter(rule: LimitRule): Limiter {
    const id = `${rule.name}:${rule.limit}:${rule.windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      const window = new SlidingWindowLimiter({ limit: rule.limit, windowMs: rule.windowMs, now: this.now });
      limiter = {
        take: async (key) => window.take(key),
        check: async (key) => window.check(key),
        reset: async (key) => window.reset(key),
      };
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
