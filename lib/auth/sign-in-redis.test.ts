import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { requestHeaders, usePortalEnv as freshPortal } from "../../test/portal-env";
import { startRedis, type TestRedis } from "../../test/services/redis-server";

const ALICE = "alice@example.com";
const RIGHT = "vizport-demo";
let redis: TestRedis;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** A freshly started portal instance (its own modules and store) on the shared Redis. */
async function instance() {
  freshPortal({ REDIS_URL: redis.url, VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const directory = await import("../directory");
  const { authorizeCredentials } = await import("./authorize");
  const { takeTokenRequest } = await import("./sign-in-limits");
  const { checkStore } = await import("../store");
  await vi.waitFor(async () => expect((await checkStore()).ok).toBe(true), { timeout: 5_000 });
  const request = new Request("http://localhost:3100/api/auth/callback/credentials", {
    headers: requestHeaders({}),
  });
  const attempt = (password: string) =>
    authorizeCredentials({ email: ALICE, password }, request).then(
      (user) => (user ? "ok" : "rejected"),
      (error: { code?: string }) => error.code ?? "error",
    );
  return { directory, attempt, takeTokenRequest, checkStore };
}

describe("sign-in limits in Redis", () => {
  it("five failures spread over two instances lock the account on both", async () => {
    const a = await instance();
    const b = await instance();
    for (let i = 0; i < 5; i++) expect(await (i % 2 ? b : a).attempt(`wrong-${i}`)).toBe("rejected");
    expect(await a.attempt(RIGHT)).toBe("rate_limited");
    expect(await b.attempt(RIGHT)).toBe("rate_limited");
  });

  it("while Redis is down: sign-in refused without a password check, tokens counted per instance", async () => {
    const a = await instance();
    await redis.pause();
    await vi.waitFor(async () => expect((await a.checkStore()).ok).toBe(false));
    const verify = vi.spyOn(a.directory, "verifyPassword");
    expect(await a.attempt(RIGHT)).toBe("store_unavailable");
    expect(await a.attempt("wrong")).toBe("store_unavailable");
    expect(verify).not.toHaveBeenCalled();
    expect(await a.checkStore()).toEqual({ kind: "redis", ok: false, reason: "store_unavailable" });
    expect((await a.takeTokenRequest("bob@example.com")).allowed).toBe(true);

    await redis.resume();
    await vi.waitFor(async () => expect((await a.checkStore()).ok).toBe(true), { timeout: 10_000 });
    expect(await a.attempt(RIGHT)).toBe("ok");
  });
});
