import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as RouteModule from "../../app/api/auth/[...nextauth]/route";
import { requestHeaders, usePortalEnv } from "../portal-env";

type Route = typeof RouteModule;
let route: Route;
const BASE = "http://localhost:3100/api/auth";

beforeEach(async () => {
  usePortalEnv({ VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  route = await import("../../app/api/auth/[...nextauth]/route");
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function csrf(): Promise<{ token: string; cookie: string }> {
  const response = await route.GET(new NextRequest(`${BASE}/csrf`, { headers: requestHeaders() }), {});
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { token: csrfToken, cookie };
}

async function postCredentials(body: Record<string, string>, format: "json" | "form") {
  const { token, cookie } = await csrf();
  const fields = { ...body, csrfToken: token, callbackUrl: "/" };
  const headers = requestHeaders({
    cookie,
    "content-type": format === "json" ? "application/json" : "application/x-www-form-urlencoded",
  });
  const payload = format === "json" ? JSON.stringify(fields) : new URLSearchParams(fields).toString();
  return route.POST(
    new NextRequest(`${BASE}/callback/credentials`, { method: "POST", headers, body: payload }),
    {},
  );
}

describe("Auth.js's endpoint, posted to directly", () => {
  it("signs in with a JSON body as with a form", async () => {
    for (const format of ["json", "form"] as const) {
      const response = await postCredentials({ email: "bob@example.com", password: "vizport-demo" }, format);
      expect(response.status).toBe(302);
      expect(response.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token="))).toBe(true);
    }
  });

  it("answers 429 with Retry-After once the account is locked, JSON or form, right password or not", async () => {
    for (let i = 0; i < 5; i++) {
      const refused = await postCredentials({ email: "carol@example.com", password: `wrong-${i}` }, "json");
      expect(refused.headers.get("location")).toContain("error=CredentialsSignin");
    }
    for (const format of ["json", "form"] as const) {
      const locked = await postCredentials({ email: "carol@example.com", password: "vizport-demo" }, format);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(800);
      expect(await locked.json()).toEqual({
        error: { code: "RATE_LIMITED", message: "Too many sign-in attempts. Try again in 15 minutes." },
      });
    }
  });

  it("answers 413 to a body over 16 kB", async () => {
    const response = await route.POST(
      new NextRequest(`${BASE}/callback/credentials`, {
        method: "POST",
        headers: requestHeaders({ "content-type": "application/x-www-form-urlencoded" }),
        body: `email=${"a".repeat(17 * 1024)}`,
      }),
      {},
    );
    expect(response.status).toBe(413);
  });
});
