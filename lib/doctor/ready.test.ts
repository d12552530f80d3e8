import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "../../emulator/server";
import { resetSharedState } from "../store";
import {
  control,
  countingFetch,
  DEMO_APP,
  restSignins,
  startTestEmulator,
} from "../../test/emulator-fixture";
import { closedPortUrl, demoEnv } from "../../test/doctor-fixture";
import { cachedProbe, probeReadiness, type Readiness } from "./ready";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control(emu, "POST", "reset");
});

const NOT_CHECKED = { ok: false, reason: "not_checked" };

describe("probeReadiness", () => {
  it("is ready against the emulator with the demo settings, and signs its session out", async () => {
    const counting = countingFetch();
    expect(await probeReadiness({ env: demoEnv(emu.url), fetch: counting.fetch })).toEqual({
      ok: true,
      checks: { config: { ok: true }, tableau: { ok: true }, signin: { ok: true }, clock: { ok: true } },
    });
    expect(counting.calls).toEqual([
      "GET /api/3.28/serverinfo",
      "POST /api/3.28/auth/signin",
      "POST /api/3.28/auth/signout",
    ]);
    expect((await restSignins(emu)).map((s) => s.outcome)).toEqual(["ok"]);
  });

  it("names the Connected App code when the sign-in is refused", async () => {
    const env = { ...demoEnv(emu.url), TABLEAU_CA_SECRET_VALUE: "wrong-secret-value-for-readiness-00001" };
    const ready = await probeReadiness({ env });
    expect(ready.ok).toBe(false);
    expect(ready.checks.signin).toEqual({ ok: false, reason: "connected_app_127" });
    expect(ready.checks.tableau).toEqual({ ok: true });
  });

  it("fails the clock (and the sign-in, code 16) when the server's clock is an hour off", async () => {
    await control(emu, "POST", "clock", { offsetSeconds: 3600 });
    const ready = await probeReadiness({ env: demoEnv(emu.url) });
    expect(ready.checks.clock).toEqual({ ok: false, reason: "clock_skew" });
    expect(ready.checks.signin).toEqual({ ok: false, reason: "connected_app_16" });
  });

  it("says Tableau is unreachable and does not try to sign in", async () => {
    const ready = await probeReadiness({ env: demoEnv(await closedPortUrl()), timeoutMs: 3_000 });
    expect(ready.checks).toEqual({
      config: { ok: true },
      tableau: { ok: false, reason: "tableau_unreachable" },
      signin: NOT_CHECKED,
      clock: NOT_CHECKED,
    });
  });

  it("probes nothing when the portal's configuration is invalid", async () => {
    const ready = await probeReadiness({ env: demoEnv(emu.url) }, { code: "CONFIG_INVALID" });
    expect(ready).toEqual({
      ok: false,
      checks: {
        config: { ok: false, reason: "config_invalid" },
        tableau: NOT_CHECKED,
        signin: NOT_CHECKED,
        clock: NOT_CHECKED,
      },
    });
    expect(await restSignins(emu)).toEqual([]);
  });
});

describe("cachedProbe", () => {
  it("reuses one answer within the TTL, joins concurrent callers, and probes again after it", async () => {
    let clock = 0;
    const get = cachedProbe(() => probeReadiness({ env: demoEnv(emu.url) }), {
      ttlMs: 10_000,
      now: () => clock,
    });
    const answers = await Promise.all([get(), get(), get()]);
    clock = 9_000;
    answers.push(await get());
    expect(answers.every((a: Readiness) => a.ok)).toBe(true);
    expect(await restSignins(emu)).toHaveLength(1);
    clock = 10_001;
    await get();
    expect(await restSignins(emu)).toHaveLength(2);
  });
});

describe("GET /api/ready", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetSharedState();
  });

  async function loadRoute(env: Record<string, string>) {
    vi.resetModules();
    resetSharedState();
    process.env = { ...saved, ...env, AUTH_SECRET: "a-test-auth-secret-of-at-least-32-characters" };
    return import("../../app/api/ready/route");
  }

  it("answers 200 with five passing checks, no-store, and nothing secret", async () => {
    const { GET } = await loadRoute(demoEnv(emu.url));
    const res = await GET(new Request("http://localhost/api/ready"), {});
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      ok: true,
      checks: {
        config: { ok: true },
        tableau: { ok: true },
        signin: { ok: true },
        clock: { ok: true },
        store: { ok: true },
      },
    });
    expect(text).not.toContain(DEMO_APP.secretValue);
    expect(text).not.toContain("eyJ");
  });

  it("answers 503 with the reason when Tableau is down", async () => {
    const { GET } = await loadRoute(demoEnv(await closedPortUrl()));
    const res = await GET(new Request("http://localhost/api/ready"), {});
    expect(res.status).toBe(503);
    const body = (await res.json()) as Readiness;
    expect(body.ok).toBe(false);
    expect(body.checks.tableau).toEqual({ ok: false, reason: "tableau_unreachable" });
  });

  it("answers 503 store_unavailable while the shared store does not answer, never naming its URL", async () => {
    const redisUrl = (await closedPortUrl()).replace("http:", "redis:").replace("localhost", "127.0.0.1");
    const { GET } = await loadRoute({ ...demoEnv(emu.url), REDIS_URL: redisUrl });
    const res = await GET(new Request("http://localhost/api/ready"), {});
    expect(res.status).toBe(503);
    const text = await res.text();
    const body = JSON.parse(text) as { checks: Record<string, unknown> };
    expect(body.checks.store).toEqual({ ok: false, reason: "store_unavailable" });
    expect(body.checks.tableau).toEqual({ ok: true });
    expect(text).not.toContain(redisUrl);
  });

  it("answers 503 config_invalid when a portal variable is bad", async () => {
    const { GET } = await loadRoute({ ...demoEnv(emu.url), VIZPORT_TOKEN_LIFETIME_SECONDS: "9999" });
    const res = await GET(new Request("http://localhost/api/ready"), {});
    expect(res.status).toBe(503);
    expect(((await res.json()) as Readiness).checks.config).toEqual({ ok: false, reason: "config_invalid" });
  });
});
