import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "../../../test/services/redis-server";
import { waitUntil } from "../../../test/services/wait";
import { RedisConnection } from "./connection";
import { RedisRevocationStore } from "./revocations";

let redis: TestRedis;
const opened: Array<{ connection: RedisConnection; store: RedisRevocationStore }> = [];

async function instance(): Promise<{ connection: RedisConnection; store: RedisRevocationStore }> {
  const connection = new RedisConnection({ url: redis.url });
  const store = new RedisRevocationStore(connection);
  opened.push({ connection, store });
  await waitUntil(() => connection.ready);
  return { connection, store };
}

/** Resolves once `check` holds, polling; the time it took in ms. */
async function within(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const { store, connection } of opened) {
    await store.close();
    await connection.close();
  }
  await redis.stop();
});

describe("RedisRevocationStore", () => {
  it("a sign-out on one instance is refused on another within a second, and on one started later", async () => {
    const a = await instance();
    const b = await instance();
    await new Promise((r) => setTimeout(r, 200)); // b's subscription is up
    await a.store.revoke("s1", Date.now() + 60_000);
    expect(await a.store.isRevoked("s1")).toBe(true);
    expect(await within(() => b.store.isRevoked("s1"), 1_000)).toBeLessThan(1_000);
    expect(await b.store.isRevoked("s2")).toBe(false);
    // A new instance refuses it on its very first read, before its mirror has loaded.
    const connection = new RedisConnection({ url: redis.url });
    const late = new RedisRevocationStore(connection);
    opened.push({ connection, store: late });
    expect(await late.isRevoked("s1")).toBe(true);
  });

  it("forgets a revocation when the session would have ended anyway", async () => {
    const a = await instance();
    await a.store.revoke("short", Date.now() + 300);
    expect(await a.store.isRevoked("short")).toBe(true);
    await new Promise((r) => setTimeout(r, 350));
    expect(await a.store.isRevoked("short")).toBe(false);
  });

  it("while Redis is down: earlier sign-outs still refused everywhere, new ones here at once and everywhere after", async () => {
    const a = await instance();
    const b = await instance();
    await new Promise((r) => setTimeout(r, 200));
    await a.store.revoke("before", Date.now() + 60_000);
    await within(() => b.store.isRevoked("before"), 1_000);

    await redis.pause();
    await waitUntil(() => !a.connection.ready && !b.connection.ready);
    expect(await b.store.isRevoked("before")).toBe(true);
    await a.store.revoke("during", Date.now() + 60_000);
    expect(await a.store.isRevoked("during")).toBe(true);
    expect(a.store.unsent).toBe(1);
    expect(await b.store.isRevoked("during")).toBe(false);

    // Redis returns empty (no persistence): a re-sends what it saw, and b hears of it.
    await redis.resume();
    await within(() => b.store.isRevoked("during"), 10_000);
    expect(a.store.unsent).toBe(0);
    const late = await instance();
    await within(() => late.store.isRevoked("during"), 2_000);
  });
});
