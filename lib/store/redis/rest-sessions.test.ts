import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { control, restSignins, startTestEmulator, testClient } from "../../../test/emulator-fixture";
import { startRedis, type TestRedis } from "../../../test/services/redis-server";
import { waitUntil } from "../../../test/services/wait";
import { RedisConnection } from "./connection";
import { RedisSessionStore } from "./rest-sessions";

const SECRET = "a-test-secret-for-sealing-rest-sessions-000";
let redis: TestRedis;
let emu: RunningEmulator;
const connections: RedisConnection[] = [];

/** A REST client of its own instance: its own Redis connection, the shared Redis. */
async function instance() {
  const connection = new RedisConnection({ url: redis.url });
  connections.push(connection);
  await waitUntil(() => connection.ready);
  return { connection, client: testClient(emu, { sessionStore: new RedisSessionStore(connection, SECRET) }) };
}

beforeAll(async () => {
  [redis, emu] = await Promise.all([startRedis(), startTestEmulator()]);
});
afterAll(async () => {
  await Promise.all(connections.map((c) => c.close()));
  await Promise.all([redis.stop(), emu.close()]);
});
beforeEach(async () => {
  await control(emu, "POST", "reset");
  const admin = new RedisConnection({ url: redis.url });
  await waitUntil(() => admin.ready);
  await admin.run((c) => c.flushAll());
  await admin.close();
});

describe("RedisSessionStore", () => {
  it("signs each principal in once across instances, however many ask at once", async () => {
    const instances = await Promise.all([instance(), instance(), instance()]);
    const calls = instances.flatMap(({ client }) =>
      Array.from({ length: 6 }, (_, i) =>
        client.listWorkbooks(i % 2 ? "alice@example.com" : "carol@example.com", { pageSize: 1 }),
      ),
    );
    const pages = await Promise.all(calls);
    expect(pages.every((p) => p.items.length === 1)).toBe(true);
    const signins = await restSignins(emu);
    expect(signins.map((s) => s.user).sort()).toEqual(["alice@example.com", "carol@example.com"]);
  });

  it("keeps no usable token in Redis, and a store with another secret ignores the entry", async () => {
    const { connection, client } = await instance();
    const session = await client.signIn("alice@example.com");
    const keys = await connection.run((c) => c.keys("vizport:rest-session:*"));
    expect(keys).toHaveLength(1);
    const raw = await connection.run((c) => c.get(keys[0]!));
    expect(raw).not.toContain(session.token);
    expect(raw).not.toContain(session.siteId);
    const ttl = await connection.run((c) => c.pTTL(keys[0]!));
    // The client's default: 240 min idle less a 10 min margin.
    expect(ttl).toBeGreaterThan(229 * 60_000);
    expect(ttl).toBeLessThanOrEqual(230 * 60_000);
    const other = new RedisSessionStore(connection, "another-secret-entirely-xxxxxxxxxxxxxxx");
    expect(await other.get("alice@example.com")).toBeUndefined();
  });

  it("an expired session renewed by one instance is picked up by the other without a third sign-in", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    await a.client.listWorkbooks("alice@example.com");
    await b.client.listWorkbooks("alice@example.com");
    await control(emu, "POST", "sessions/expire", {});
    await a.client.listWorkbooks("alice@example.com");
    await b.client.listWorkbooks("alice@example.com");
    expect(await restSignins(emu)).toHaveLength(2);
  });

  it("while Redis is down each instance keeps its own sessions, and shares again once it is back", async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    await redis.pause();
    await waitUntil(() => connections.every((c) => !c.ready));
    await a.client.listWorkbooks("alice@example.com");
    await a.client.listWorkbooks("alice@example.com");
    await b.client.listWorkbooks("alice@example.com");
    expect(await restSignins(emu)).toHaveLength(2);
    await redis.resume();
    await waitUntil(() => connections.every((c) => c.ready), 10_000);
    await control(emu, "POST", "reset");
    await Promise.all([
      a.client.listWorkbooks("carol@example.com"),
      b.client.listWorkbooks("carol@example.com"),
    ]);
    expect(await restSignins(emu)).toHaveLength(1);
  });
});
