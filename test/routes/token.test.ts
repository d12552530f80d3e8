import { decodeJwt } from "jose";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as RouteModule from "../../app/api/tableau/token/route";
import { requestHeaders, sessionCookie, usePortalEnv } from "../portal-env";

type Route = typeof RouteModule;
let route: Route;

beforeEach(async () => {
  usePortalEnv({ VIZPORT_TOKEN_REQUESTS_PER_MINUTE: "3" });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  route = await import("../../app/api/tableau/token/route");
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function post(cookie?: string, init: { headers?: Record<string, string>; body?: string } = {}) {
  const headers = requestHeaders(init.headers);
  if (cookie) headers.set("cookie", cookie);
  const response = await route.POST(
    new Request("http://localhost:3100/api/tableau/token", { method: "POST", headers, body: init.body }),
    {},
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, response };
}

describe("POST /api/tableau/token", () => {
  it("answers 401 without a session, or with a forged one", async () => {
    expect((await post()).status).toBe(401);
    expect((await post("authjs.session-token=forged")).body).toMatchObject({
      error: { code: "UNAUTHENTICATED" },
    });
  });

  it("mints for the session's own mapping, whatever the body asks", async () => {
    const { header } = await sessionCookie("bob@example.com");
    const { status, body, response } = await post(header, {
      body: JSON.stringify({ sub: "alice@example.com", scp: ["tableau:content:read"] }),
    });
    expect(status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const claims = decodeJwt(String(body.token));
    expect(claims).toMatchObject({ sub: "bob@example.com", scp: ["tableau:views:embed"], Region: "West" });
  });

  it("answers 403 for a user with no Tableau mapping and for a cross-site caller", async () => {
    const { header } = await sessionCookie("dave@example.com");
    expect((await post(header)).body).toMatchObject({ error: { code: "NO_TABLEAU_MAPPING" } });
    const bob = await sessionCookie("bob@example.com");
    const cross = await post(bob.header, {
      headers: { origin: "http://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(cross).toMatchObject({ status: 403, body: { error: { code: "CROSS_SITE" } } });
  });

  it("answers 413 for a body over 4 kB, before reading the session", async () => {
    expect((await post(undefined, { body: "x".repeat(5000) })).status).toBe(413);
  });

  it("answers 429 with Retry-After past the per-user limit", async () => {
    const { header } = await sessionCookie("carol@example.com");
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(header)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post(header);
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
  });

  it("answers 401 for a signed-out session, and for the HTTP cookie on HTTPS", async () => {
    const { revokeSession } = await import("../../lib/auth/revoke");
    const { header } = await sessionCookie("bob@example.com", { sid: "signed-out" });
    await revokeSession({ sid: "signed-out", authTime: Math.floor(Date.now() / 1000) });
    expect((await post(header)).status).toBe(401);
    const plain = await sessionCookie("bob@example.com");
    expect((await post(plain.header, { headers: { "x-forwarded-proto": "https" } })).status).toBe(401);
  });
});
