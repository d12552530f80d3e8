/**
 * A cache read with one load in flight per key: concurrent misses on this instance share one call to Tableau,
 * and the result is stored for the others. A failed load is not cached.
 */
import type { Cache } from "./cache";

export class SingleFlight<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  constructor(
    private readonly cache: Cache<T>,
    private readonly ttlMs: number,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const promise = this.fill(key, load).finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  /** The cached value for `key`, if any, without loading it. */
  peek(key: string): Promise<T | undefined> {
    return this.cache.get(key);
  }

  /** Forgets `key`, e.g. after Tableau said the cached answer is no longer good. */
  forget(key: string): Promise<void> {
    return this.cache.delete(key);
  }

  private async fill(key: string, load: () => Promise<T>): Promise<T> {
    const hit = await this.cache.get(key);
    if (hit !== undefined) return hit;
    const value = await load();
    await this.cache.set(key, value, this.ttlMs);
    return value;
  }
}
