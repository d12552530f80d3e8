/**
 * Rate limits in Redis with the memory limiter's sliding-window semantics (scripts.ts): one ZSET of hit times
 * per rule and key, taken atomically, so every instance counts against the same window. While Redis cannot
 * answer, a `refuse` rule throws StoreUnavailableError and a `local` rule counts on this instance's own memory
 * limiter (each instance then allows up to the limit on its own, until Redis is back).
 */
import { randomUUID } from "node:crypto";
import { StoreUnavailableError } from "../errors";
import {
  MemoryLimitStore,
  type Limiter,
  type LimitRule,
  type LimitStore,
  type LimitVerdict,
} from "../limits";
import type { RedisConnection } from "./connection";

const PREFIX = "vizport:limit:";
// A hit's ZSET member must be unique across instances: this process's random id and a counter.
const PROCESS_ID = randomUUID().slice(0, 13);
let hits = 0;
const nextMember = () => `${PROCESS_ID}${(hits = (hits + 1) % Number.MAX_SAFE_INTEGER)}`;

export class RedisLimitStore implements LimitStore {
  private readonly limiters = new Map<string, Limiter>();
  private readonly local = new MemoryLimitStore();

  constructor(private readonly redis: RedisConnection) {}

  limiter(rule: LimitRule): Limiter {
    const id = `${rule.name}:${rule.limit}:${rule.windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = this.build(rule);
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  private build(rule: LimitRule): Limiter {
    const fallback = rule.whenStoreDown === "local" ? this.local.limiter(rule) : null;
    const keyOf = (key: string) => `${PREFIX}${rule.name}:${key}`;
    const window = async (key: string, member: string): Promise<LimitVerdict> => {
      const [allowed = 0, remaining = 0, retryAfterMs = 1] = await this.redis.run((c) =>
        c.slidingWindow(keyOf(key), rule.windowMs, rule.limit, member),
      );
      return { allowed: allowed === 1, remaining, retryAfterMs };
    };
    const orFallback = async <T>(shared: () => Promise<T>, local: (l: Limiter) => Promise<T>): Promise<T> => {
      try {
        return await shared();
      } catch (error) {
        if (fallback && error instanceof StoreUnavailableError) return local(fallback);
        throw error;
      }
    };
    return {
      take: (key) =>
        orFallback(
          () => window(key, nextMember()),
          (l) => l.take(key),
        ),
      check: (key) =>
        orFallback(
          () => window(key, ""),
          (l) => l.check(key),
        ),
      reset: (key) =>
        orFallback(
          async () => {
            await this.redis.run((c) => c.del(keyOf(key)));
          },
          (l) => l.reset(key),
        ),
    };
  }
}
