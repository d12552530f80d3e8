import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jar, requestHeaders, sessionCookie, usePortalEnv } from "../../test/portal-env";
import type * as SessionCookieModule from "./session-cookie";
import type * as SessionRefreshModule from "./session-refresh";

let renew: typeof SessionRefreshModule.renewSessionCookie;
let readSession: typeof SessionCookieModule.readSession;

beforeEach(async () => {
  usePortalEnv({ VIZPORT_SESSION_MAX_HOURS: "2", VIZPORT_SESSION_IDLE_MINUTES: "30" });
  ({ renewSessionCookie: renew } = await import("./session-refresh"));
  ({ readSession } = await import("./session-cookie"));
});
afterEach(() => vi.unstubAllEnvs());

const now = () => Math.floor(Date.now() / 1000);

describe("renewSessionCookie (the idle timeout)", () => {
  it("leaves a cookie issued less than a minute ago alone", async () => {
    const fresh = await sessionCookie("bob@example.com", { maxAge: 30 * 60 - 10 });
    expect(await renew(jar(fresh), requestHeaders())).toBeNull();
  });

  it("renews an older live cookie for a full idle period, keeping its claims", async () => {
    const older = await sessionCookie("bob@example.com", { sid: "s1", maxAge: 20 * 60 });
    const renewed = await renew(jar(older), requestHeaders());
    expect(renewed).toMatchObject({
      name: older.name,
      options: { httpOnly: true, sameSite: "lax", secure: false },
    });
    const expires = (renewed?.options.expires.getTime() ?? 0) / 1000;
    expect(expires).toBeGreaterThan(now() + 29 * 60);
    const claims = await readSession(
      jar({ name: older.name, value: renewed?.value ?? "" }),
      requestHeaders(),
    );
    expect(claims).toMatchObject({ email: "bob@example.com", sid: "s1" });
  });

  it("never past the absolute lifetime", async () => {
    const late = await sessionCookie("bob@example.com", { authTime: now() - 2 * 3600 + 600, maxAge: 300 });
    const renewed = await renew(jar(late), requestHeaders());
    const expires = (renewed?.options.expires.getTime() ?? 0) / 1000;
    expect(expires).toBeLessThanOrEqual(now() + 601);
  });

  it("gives a dead session nothing: none, forged, or signed out", async () => {
    expect(await renew(jar(), requestHeaders())).toBeNull();
    expect(await renew(jar({ name: "authjs.session-token", value: "forged" }), requestHeaders())).toBeNull();
    const { revokeSession } = await import("./revoke");
    const old = await sessionCookie("bob@example.com", { sid: "gone", maxAge: 600 });
    await revokeSession({ sid: "gone", authTime: now() });
    expect(await renew(jar(old), requestHeaders())).toBeNull();
  });

  it("marks the renewed cookie Secure on HTTPS", async () => {
    const secure = await sessionCookie("bob@example.com", { secure: true, maxAge: 600 });
    expect((await renew(jar(secure), requestHeaders({}, true)))?.options.secure).toBe(true);
  });
});
