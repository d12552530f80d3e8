/**
 * Caches in Redis: each entry a key with its own time to live, its value the codec's bytes. A cache with a byte
 * budget keeps its books in Redis (scripts.ts), so the bound holds over every instance together. Redis not
 * answering is a miss, and a write it cannot take is dropped: the caller reads Tableau.
 */
import { RESP_TYPES } from "redis";
import type { Cache, CacheOptions, CacheStore } from "../cache";
import type { RedisConnection } from "./connection";

const PREFIX = "vizport:cache:";

export class RedisCacheStore implements CacheStore {
  readonly shared = true;

  constructor(private readonly redis: RedisConnection) {}

  cache<T>(options: CacheOptions<T>): Cache<T> {
    return new RedisCache(this.redis, options);
  }
}

class RedisCache<T> implements Cache<T> {
  private readonly prefix: string;
  private readonly books: [string, string, string];

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: CacheOptions<T>,
  ) {
    this.prefix = `${PREFIX}${options.name}:`;
    const meta = `${PREFIX}${options.name}#`;
    this.books = [`${meta}index`, `${meta}sizes`, `${meta}total`];
  }

  async get(key: string): Promise<T | undefined> {
    try {
      const bytes = await this.redis.run((c) =>
        c.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer }).get(this.prefix + key),
      );
      return bytes ? this.options.codec.decode(bytes) : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: T, ttlMs: number): Promise<void> {
    const bytes = this.options.codec.encode(value);
    const ttl = Math.max(1, Math.round(ttlMs));
    try {
      const { maxBytes } = this.options;
      if (maxBytes === undefined) {
        await this.redis.run((c) => c.set(this.prefix + key, bytes, { PX: ttl }));
      } else {
        await this.redis.run((c) =>
          c.setWithinBudget([this.prefix + key, ...this.books], bytes, ttl, maxBytes),
        );
      }
    } catch {
      // Dropped: the next reader loads from Tableau again.
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.run((c) => c.del(this.prefix + key));
    } catch {
      // It expires on its own.
    }
  }
}
