/**
 * Caches behind an interface a shared store also implements. A cache never fails its caller: a store that
 * cannot answer is a miss (the caller reads Tableau instead) and a write it cannot take is dropped.
 */
export interface Codec<T> {
  encode(value: T): Buffer;
  decode(bytes: Buffer): T;
}

export interface CacheOptions<T> {
  /** Keeps caches apart in a shared store: `catalog`, `thumbnails`. */
  name: string;
  codec: Codec<T>;
  /** A bound in bytes over all entries: the entries that expire soonest make room. */
  maxBytes?: number;
  /** In memory: the size an entry counts for against `maxBytes` (default: its encoding's length). */
  sizeOf?: (value: T) => number;
  /** In memory: at most this many entries (default 10,000), least recently used out first. */
  maxEntries?: number;
}

export interface Cache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface CacheStore {
  /** True when the entries are shared with other instances (Redis), false for this process's memory. */
  readonly shared: boolean;
  cache<T>(options: CacheOptions<T>): Cache<T>;
}

interface Entry<T> {
  value: T;
  size: number;
  expires: number;
}

export class MemoryCache<T> implements Cache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private bytes = 0;

  constructor(
    private readonly options: CacheOptions<T>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.remove(key);
    if (hit.expires <= this.now()) return undefined;
    this.entries.set(key, hit); // re-inserted: the Map's order is least recently used first
    this.bytes += hit.size;
    return hit.value;
  }

  async set(key: string, value: T, ttlMs: number): Promise<void> {
    const { maxBytes = Infinity, maxEntries = 10_000 } = this.options;
    // Without a byte bound nothing is measured (encoding a large value only to count it would be waste).
    const size =
      maxBytes === Infinity ? 0 : (this.options.sizeOf?.(value) ?? this.options.codec.encode(value).length);
    this.remove(key);
    if (size > maxBytes) return;
    this.entries.set(key, { value, size, expires: this.now() + ttlMs });
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= maxBytes && this.entries.size <= maxEntries) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  /** Entries and bytes held, for tests. */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

export class MemoryCacheStore implements CacheStore {
  readonly shared = false;

  constructor(private readonly now: () => number = Date.now) {}

  cache<T>(options: CacheOptions<T>): Cache<T> {
    return new MemoryCache(options, this.now);
  }
}

/** JSON values as UTF-8. */
export function jsonCodec<T>(): Codec<T> {
  return {
    encode: (value) => Buffer.from(JSON.stringify(value)),
    decode: (bytes) => JSON.parse(bytes.toString("utf8")) as T,
  };
}

/**
 * A shared cache read through a short-lived copy in this process: a hot entry is decoded once per `localTtlMs`
 * rather than fetched and parsed from the shared store on every read.
 */
export class LayeredCache<T> implements Cache<T> {
  constructor(
    private readonly local: Cache<T>,
    private readonly remote: Cache<T>,
    private readonly localTtlMs: number,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const near = await this.local.get(key);
    if (near !== undefined) return near;
    const far = await this.remote.get(key);
    if (far !== undefined) await this.local.set(key, far, this.localTtlMs);
    return far;
  }

  async set(key: string, value: T, ttlMs: number): Promise<void> {
    await Promise.all([
      this.local.set(key, value, Math.min(ttlMs, this.localTtlMs)),
      this.remote.set(key, value, ttlMs),
    ]);
  }

  async delete(key: string): Promise<void> {
    await Promise.all([this.local.delete(key), this.remote.delete(key)]);
  }
}
