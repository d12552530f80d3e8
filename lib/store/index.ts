/**
 * The one holder of the process's runtime state: rate limits, session revocations, the Tableau REST client and
 * its session cache, caches. Next.js bundles some modules once per layer (pages, route handlers, the proxy), so
 * module-level state would exist twice and the copies could disagree (a limit counted in one and read in the
 * other); everything lives here instead, under one key on globalThis.
 * With REDIS_URL the stores are shared by every instance through Redis (lib/store/redis); without it they are
 * this process's memory, as for a single instance.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { MemorySessionStore, type SessionStore } from "@/lib/tableau/rest";
import { MemoryCacheStore, type CacheStore } from "./cache";
import { MemoryLimitStore, type LimitStore } from "./limits";
import { RedisCacheStore } from "./redis/cache";
import { RedisConnection } from "./redis/connection";
import { RedisLimitStore } from "./redis/limits";
import { RedisSessionStore } from "./redis/rest-sessions";
import { RedisRevocationStore } from "./redis/revocations";
import { MemoryRevocationStore, type RevocationStore } from "./revocations";

export type { Cache, CacheOptions, CacheStore, Codec } from "./cache";
export { jsonCodec, LayeredCache, MemoryCache } from "./cache";
export { StoreUnavailableError } from "./errors";
export type { Limiter, LimitRule, LimitStore, LimitVerdict } from "./limits";
export type { RevocationStore } from "./revocations";
export { SingleFlight } from "./single-flight";

const KEY = Symbol.for("vizport.store");
type Holder = typeof globalThis & { [KEY]?: Map<string, unknown> };

function entries(): Map<string, unknown> {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new Map());
}

/** The process's one `name`, built by `build` on first use. */
export function shared<T>(name: string, build: () => T): T {
  const map = entries();
  if (!map.has(name)) map.set(name, build());
  return map.get(name) as T;
}

/**
 * Forgets one shared value, so the next `shared` call builds it afresh (e.g. after a failed start); only if it
 * is still `value`, when given, so a caller cannot drop what another one has built since.
 */
export function forgetShared(name: string, value?: unknown): void {
  const map = entries();
  if (value === undefined || map.get(name) === value) map.delete(name);
}

/** Forgets every shared value: tests only, so each starts from a fresh process's state. */
export function resetSharedState(): void {
  entries().clear();
}

/** The Redis connection when REDIS_URL is set, else null. */
function redis(): RedisConnection | null {
  return shared("store.redis", () => {
    const url = getEnv().redisUrl;
    if (!url) return null;
    return new RedisConnection({
      url,
      // The URL may hold a password: the log says only up or down, and why in Redis's own words.
      onStateChange: (state, detail) =>
        logEvent(`store.${state}`, { store: "redis", ...(detail ? { detail } : {}) }),
    });
  });
}

export function getLimitStore(): LimitStore {
  return shared("store.limits", () => {
    const connection = redis();
    return connection ? new RedisLimitStore(connection) : new MemoryLimitStore();
  });
}

export function getRevocationStore(): RevocationStore {
  return shared("store.revocations", () => {
    const connection = redis();
    return connection ? new RedisRevocationStore(connection) : new MemoryRevocationStore();
  });
}

export function getCacheStore(): CacheStore {
  return shared("store.caches", () => {
    const connection = redis();
    return connection ? new RedisCacheStore(connection) : new MemoryCacheStore();
  });
}

/** Where the REST client keeps Tableau sessions. */
export function getRestSessionStore(): SessionStore {
  return shared("store.rest-sessions", () => {
    const connection = redis();
    return connection ? new RedisSessionStore(connection, getEnv().authSecret) : new MemorySessionStore();
  });
}

export interface StoreHealth {
  kind: "memory" | "redis";
  ok: boolean;
  /** Why not: `store_unavailable` while Redis does not answer. */
  reason?: string;
}

/** Whether the shared store answers now (a PING, bounded); memory always does. */
export async function checkStore(): Promise<StoreHealth> {
  const connection = redis();
  if (!connection) return { kind: "memory", ok: true };
  try {
    await connection.run((c) => c.ping());
    return { kind: "redis", ok: true };
  } catch {
    return { kind: "redis", ok: false, reason: "store_unavailable" };
  }
}
