import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../../../test/services/redis-server";
import { StoreUnavailableError } from "../errors";
import { RedisConnection } from "./connection";
import { RedisLimitStore } from "./limits";
import { waitUntil } from "../../../test/services/wait";

let redis: TestRedis;
const connections: RedisConnection[] = [];

/** A connection of its own, as another portal instance would have. */
async function instance(): Promise<RedisLimitStore> {
  const connection = new RedisConnection({ url: redis.url });
  connections.push(connection);
  await waitUntil(() => connection.ready);
  return new RedisLimitStore(connection);
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await redis.stop();
});

describe("RedisLimitStore", () => {
  it("lets exactly `limit` of many concurrent takes through, across several instances", async () => {
    const stores = await Promise.all([instance(), instance(), instance(), instance()]);
    const rule = { name: "concurrency", limit: 10, windowMs: 60_000 };
    const takes = stores.flatMap((store) => Array.from({ length: 50 }, () => store.limiter(rule).take("k")));
    const verdicts = await Promise.all(takes);
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(10);
    const refused = verdicts.filter((v) => !v.allowed);
    expect(refused.every((v) => v.retryAfterMs > 0 && v.retryAfterMs <= 60_000 && v.remaining === 0)).toBe(
      true,
    );
  });

  it("slides: a hit leaves the window windowMs after it was taken, and check counts nothing", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const rule = { name: "slide", limit: 2, windowMs: 600 };
    expect(await a.limiter(rule).take("k")).toMatchObject({ allowed: true, remaining: 1 });
    await new Promise((r) => setTimeout(r, 300));
    expect(await b.limiter(rule).take("k")).toMatchObject({ allowed: true, remaining: 0 });
    const refused = await a.limiter(rule).take("k");
    expect(refused.allowed).toBe(false);
    // The first hit leaves about 300 ms from now.
    expect(refused.retryAfterMs).toBeGreaterThan(150);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(320);
    expect((await b.limiter(rule).check("k")).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, refused.retryAfterMs + 20));
    expect(await b.limiter(rule).check("k")).toMatchObject({ allowed: true, remaining: 1 });
    expect((await a.limiter(rule).take("k")).allowed).toBe(true);
  });

  it("keeps rules and keys apart, and a reset on one instance frees the key on all", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const one = { name: "one", limit: 1, windowMs: 60_000 };
    const two = { name: "two", limit: 1, windowMs: 60_000 };
    expect((await a.limiter(one).take("k")).allowed).toBe(true);
    expect((await b.limiter(one).take("k")).allowed).toBe(false);
    expect((await b.limiter(one).take("other")).allowed).toBe(true);
    expect((await b.limiter(two).take("k")).allowed).toBe(true);
    await b.limiter(one).reset("k");
    expect((await a.limiter(one).take("k")).allowed).toBe(true);
  });

  it("while Redis is down: a `refuse` rule throws, a `local` rule counts here alone; both recover", async () => {
    const store = await instance();
    const strict = store.limiter({ name: "strict", limit: 3, windowMs: 60_000 });
    const lenient = store.limiter({ name: "lenient", limit: 2, windowMs: 60_000, whenStoreDown: "local" });
    expect((await strict.take("k")).allowed).toBe(true);
    await redis.pause();
    await waitUntil(() => !connections.at(-1)!.ready);
    await expect(strict.take("k")).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await lenient.take("k")).allowed).toBe(true);
    expect((await lenient.take("k")).allowed).toBe(true);
    expect((await lenient.take("k")).allowed).toBe(false);
    await redis.resume();
    await waitUntil(() => connections.at(-1)!.ready, 10_000);
    // Redis came back empty (no persistence): counting starts again there.
    expect((await strict.take("k")).allowed).toBe(true);
    expect((await lenient.take("k")).allowed).toBe(true);
  });
});
