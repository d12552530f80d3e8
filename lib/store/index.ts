/**
 * The one holder of the process's runtime state: rate limits, session revocations, the Tableau REST client and
 * its session cache, caches. Next.js bundles some modules once per layer (pages, route handlers, the proxy), so
 * module-level state would exist twice and the copies could disagree (a limit counted in one and read in the
 * other); everything lives here instead, under one key on globalThis. A shared store (REDIS_URL) plugs in here.
 */
import "server-only";
import { MemoryLimitStore, type LimitStore } from "./limits";
import { MemoryRevocationStore, type RevocationStore } from "./revocations";

export type { Limiter, LimitRule, LimitStore, LimitVerdict } from "./limits";
export type { RevocationStore } from "./revocations";

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

export function getLimitStore(): LimitStore {
  return shared("store.limits", () => new MemoryLimitStore());
}

export function getRevocationStore(): RevocationStore {
  return shared("store.revocations", () => new MemoryRevocationStore());
}
