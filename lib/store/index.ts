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
