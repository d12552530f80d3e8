import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../../../test/services/redis-server";
import { waitUntil } from "../../../test/services/wait";
import { jsonCodec, LayeredCache, MemoryCache, type Codec } from "../cache";
import { SingleFlight } from "../single-flight";
import { RedisCacheStore } from "./cache";
import { RedisConnection } from "./connection";

let redis: TestRedis;
const connections: RedisConnection[] = [];
const bytes: Codec<Buffer> = { encode: (b) => b, decode: (b) => b };

async function instance(): Promise<RedisCacheStore> {
  const connection = new RedisConnection({ url: redis.url });
  connections.push(connection);
  await waitUntil(() => connection.ready);
  return new RedisCacheStore(connection);
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await redis.stop();
});

describe("RedisCacheStore", () => {
  it("shares entries between instances until their time to live ends", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const options = { name: "json", codec: jsonCodec<{ n: number }>() };
    await a.cache(options).set("k", { n: 1 }, 300);
    expect(await b.cache(options).get("k")).toEqual({ n: 1 });
    expect(await b.cache({ ...options, name: "other" }).get("k")).toBeUndefined();
    await new Promise((r) => setTimeout(r, 350));
    expect(await b.cache(options).get("k")).toBeUndefined();
  });

  it("keeps a byte budget over all instances, evicting the entries that expire soonest", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const options = { name: "budget", codec: bytes, maxBytes: 1_000 };
    await a.cache(options).set("one", Buffer.alloc(400, 1), 60_000);
    await b.cache(options).set("two", Buffer.alloc(400, 2), 60_000);
    await a.cache(options).set("three", Buffer.alloc(400, 3), 60_000);
    expect(await b.cache(options).get("one")).toBeUndefined();
    expect((await b.cache(options).get("two"))?.[0]).toBe(2);
    expect((await a.cache(options).get("three"))?.[0]).toBe(3);
    await b.cache(options).set("huge", Buffer.alloc(1_001), 60_000);
    expect(await a.cache(options).get("huge")).toBeUndefined();
    // Replacing an entry counts it once.
    for (let i = 0; i < 5; i++) await a.cache(options).set("two", Buffer.alloc(400, 9), 60_000);
    expect((await b.cache(options).get("three"))?.[0]).toBe(3);
  });

  it("is a miss while Redis is down, and serves again when it is back", async () => {
    const store = await instance();
    const cache = store.cache({ name: "down", codec: jsonCodec<number>() });
    await cache.set("k", 1, 60_000);
    await redis.pause();
    await waitUntil(() => !connections.at(-1)!.ready);
    expect(await cache.get("k")).toBeUndefined();
    await expect(cache.set("k", 2, 60_000)).resolves.toBeUndefined();
    let loads = 0;
    const flight = new SingleFlight(cache, 60_000);
    expect(await flight.get("k", async () => ++loads)).toBe(1);
    await redis.resume();
    await waitUntil(() => connections.at(-1)!.ready, 10_000);
    await cache.set("k", 3, 60_000);
    expect(await cache.get("k")).toBe(3);
  });
});

describe("LayeredCache", () => {
  it("reads the shared cache once per local time to live, and another instance's write after it", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const options = { name: "layered", codec: jsonCodec<number>() };
    let now = 0;
    const layered = new LayeredCache(new MemoryCache(options, () => now), a.cache(options), 1_000);
    await b.cache(options).set("k", 1, 60_000);
    expect(await layered.get("k")).toBe(1);
    await b.cache(options).set("k", 2, 60_000);
    expect(await layered.get("k")).toBe(1);
    now = 1_001;
    expect(await layered.get("k")).toBe(2);
    await layered.set("j", 3, 60_000);
    expect(await b.cache(options).get("j")).toBe(3);
  });
});

describe("MemoryCache and SingleFlight", () => {
  it("bounds the bytes held, least recently used out first", async () => {
    const cache = new MemoryCache({ name: "m", codec: bytes, maxBytes: 1_000 });
    await cache.set("a", Buffer.alloc(400), 60_000);
    await cache.set("b", Buffer.alloc(400), 60_000);
    await cache.get("a");
    await cache.set("c", Buffer.alloc(400), 60_000);
    expect(cache.usage).toEqual({ entries: 2, bytes: 800 });
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBeDefined();
  });

  it("shares one load among concurrent misses and caches nothing that failed", async () => {
    let now = 0;
    const flight = new SingleFlight(
      new MemoryCache({ name: "f", codec: jsonCodec<number>() }, () => now),
      1_000,
    );
    let loads = 0;
    const load = async () => {
      await new Promise((r) => setTimeout(r, 20));
      return ++loads;
    };
    expect(await Promise.all([flight.get("k", load), flight.get("k", load), flight.get("k", load)])).toEqual([
      1, 1, 1,
    ]);
    expect(await flight.get("k", load)).toBe(1);
    now = 1_001;
    expect(await flight.get("k", load)).toBe(2);
    await expect(flight.get("x", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await flight.get("x", load)).toBe(3);
  });
});
