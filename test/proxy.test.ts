import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as ProxyModule from "../proxy";
import { requestHeaders, sessionCookie, usePortalEnv } from "./portal-env";

let proxy: typeof ProxyModule.proxy;

beforeEach(async () => {
  usePortalEnv({ VIZPORT_SESSION_IDLE_MINUTES: "30" });
  ({ proxy } = await import("../proxy"));
});
afterEach(() => vi.unstubAllEnvs());

const call = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  proxy(
    new NextRequest(`http://localhost:3100${path}`, {
      method: init.method ?? "GET",
      headers: requestHeaders(init.headers),
    }),
  );

describe("proxy", () => {
  it("sends an anonymous visitor of a page to the login page, keeping where they were going", async () => {
    const response = await call("/views/Superstore/Overview?Region=East");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("/views/Superstore/Overview?Region=East");
    expect((await call("/")).headers.get("location")).toBe("http://localhost:3100/login");
  });

  it("lets the login page and files through, and gives every page its security headers", async () => {
    for (const path of ["/login", "/favicon.ico"]) {
      const response = await call(path);
      expect(response.headers.get("location")).toBeNull();
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'self'");
      expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("marks a view page, which carries an embed token, private, never stored and never compressed", async () => {
    const cookie = await sessionCookie("bob@example.com", { maxAge: 30 * 60 });
    const view = await call("/views/Superstore/Overview", { headers: { cookie: cookie.header } });
    const cacheControl = view.headers.get("cache-control") ?? "";
    for (const directive of ["private", "no-store", "no-transform"])
      expect(cacheControl).toContain(directive);
    const home = await call("/", { headers: { cookie: cookie.header } });
    expect(home.headers.get("cache-control")).toBeNull();
  });

  it("answers 400 for a malformed %-escape, on pages and route handlers alike", async () => {
    for (const path of ["/views/%ZZ/x", "/api/thumbnails/%E0%A4%A/x"]) {
      const response = await call(path);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "BAD_PATH" } });
    }
  });

  it("answers 413 to a server action declaring a body over 64 kB", async () => {
    const response = await call("/login", {
      method: "POST",
      headers: { "content-length": String(65 * 1024) },
    });
    expect(response.status).toBe(413);
  });

  it("renews a live session's cookie on a page request once it is a minute old, and only then", async () => {
    const aged = await sessionCookie("bob@example.com", { maxAge: 25 * 60 });
    const renewed = await call("/", { headers: { cookie: aged.header } });
    const setCookie = renewed.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^authjs\.session-token=[^;]+;/);
    expect(setCookie.toLowerCase()).toContain("httponly");
    const fresh = await sessionCookie("bob@example.com", { maxAge: 30 * 60 });
    expect((await call("/", { headers: { cookie: fresh.header } })).headers.get("set-cookie")).toBeNull();
    expect(
      (await call("/", { headers: { cookie: "authjs.session-token=forged" } })).headers.get("set-cookie"),
    ).toBeNull();
  });
});
