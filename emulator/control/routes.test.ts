import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { mintToken } from "../testing/mint";
import { API, getJson, signIn } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());
beforeEach(() => fetch(`${emu.url}/__emulator/reset`, { method: "POST" }));

const control = (path: string, method = "GET", body?: unknown) =>
  getJson(`${emu.url}/__emulator/${path}`, undefined, {
    method,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
const serverinfo = () => fetch(`${emu.url}${API}/serverinfo`, { headers: { accept: "application/json" } });

describe("control API", () => {
  it("reports health", async () => {
    const res = await control("health");
    expect(res.body).toMatchObject({ ok: true, site: "vizport-demo", workbooks: 4 });
  });

  it("injects a status on a prefix, in Tableau's error shape, until cleared", async () => {
    await control("faults", "POST", { prefix: "/api/", status: 503 });
    const res = await serverinfo();
    expect(res.status).toBe(503);
    expect(errorSchema.parse(await res.json()).error.code).toBe("503000");
    expect((await control("health")).status).toBe(200); // the control API itself is never faulted
    await control("faults", "DELETE");
    expect((await serverinfo()).status).toBe(200);
  });

  it("injects latency", async () => {
    await control("faults", "POST", { prefix: "/api/", latencyMs: 150 });
    const started = performance.now();
    expect((await serverinfo()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("takes a prefix down (connection closed, no answer)", async () => {
    await control("faults", "POST", { prefix: "/api/", down: true });
    await expect(serverinfo()).rejects.toThrow();
  });

  it("fails only the given share of requests", async () => {
    await control("faults", "POST", { prefix: "/api/", status: 500, rate: 0.5, seed: 3 });
    const statuses = await Promise.all(Array.from({ length: 60 }, async () => (await serverinfo()).status));
    const failed = statuses.filter((s) => s === 500).length;
    expect(failed).toBeGreaterThan(5);
    expect(failed).toBeLessThan(55);
    expect((await control("stats")).body).toMatchObject({ faulted: failed });
  });

  it.each([
    ["faults", { prefix: "api", status: 503 }, "prefix"],
    ["faults", { prefix: "/api/" }, "at least one"],
    ["faults", { prefix: "/api/", status: 200 }, "status"],
    ["faults", { prefix: "/api/", rate: 2, status: 500 }, "rate"],
    ["clock", { offsetSeconds: "soon" }, "offsetSeconds"],
    ["clock", "{not json", "not valid JSON"],
  ])("rejects a bad %s body with a clear 400", async (path, body, message) => {
    const res = await control(path, "POST", body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(message);
  });

  it("lists sign-ins (user, scopes, attributes, jti, outcome) and never the token", async () => {
    const jwt = await mintToken({ sub: "bob@example.com", jti: "jti-1", claims: { Region: "West" } });
    await getJson(`${emu.url}${API}/auth/signin`, undefined, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ credentials: { jwt, site: { contentUrl: "vizport-demo" } } }),
    });
    await signIn(emu.url, { sub: "Bob@example.com" }).catch(() => undefined);
    const res = await control("signins");
    expect(res.body).toMatchObject({
      signins: [
        {
          kind: "rest",
          outcome: "ok",
          user: "bob@example.com",
          jti: "jti-1",
          attributes: { Region: "West" },
        },
        { kind: "rest", outcome: "rejected", user: "Bob@example.com", code: "401001", connectedAppCode: 5 },
      ],
    });
    expect(JSON.stringify(res.body)).not.toContain(jwt.split(".")[2]);
  });

  it("counts requests by prefix, and reset clears counts and sign-ins", async () => {
    await serverinfo();
    await serverinfo();
    expect((await control("stats")).body).toMatchObject({ byPrefix: { "/api/": 2 } });
    await control("reset", "POST");
    expect((await control("signins")).body).toEqual({ signins: [] });
    // After the reset: the signins call above and this stats call.
    expect((await control("stats")).body).toEqual({
      requests: 2,
      byPrefix: { "/__emulator/": 2 },
      faulted: 0,
    });
  });
});
