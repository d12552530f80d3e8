import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jar, requestHeaders, sessionCookie, usePortalEnv } from "../../test/portal-env";
import type * as RevokeModule from "./revoke";
import type * as SessionCookieModule from "./session-cookie";

let readSession: typeof SessionCookieModule.readSession;
let revokeSession: typeof RevokeModule.revokeSession;

beforeEach(async () => {
  usePortalEnv({ VIZPORT_SESSION_MAX_HOURS: "8", VIZPORT_SESSION_IDLE_MINUTES: "60" });
  ({ readSession } = await import("./session-cookie"));
  ({ revokeSession } = await import("./revoke"));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

const now = () => Math.floor(Date.now() / 1000);

describe("readSession", () => {
  it("reads the cookie Auth.js issued for the scheme", async () => {
    const plain = await sessionCookie("bob@example.com");
    expect(await readSession(jar(plain), requestHeaders())).toMatchObject({ email: "bob@example.com" });
    const secure = await sessionCookie("bob@example.com", { secure: true });
    expect(await readSession(jar(secure), requestHeaders({}, true))).toMatchObject({
      email: "bob@example.com",
    });
  });

  it("on HTTPS, ignores an unprefixed cookie (one anybody could plant over HTTP)", async () => {
    const planted = await sessionCookie("mallory@example.com");
    expect(await readSession(jar(planted), requestHeaders({}, true))).toBeNull();
    // And the other way round: a __Secure- cookie is not read on plain HTTP.
    const secure = await sessionCookie("bob@example.com", { secure: true });
    expect(await readSession(jar(secure), requestHeaders())).toBeNull();
  });

  it("joins a session split into chunks", async () => {
    const whole = await sessionCookie("bob@example.com");
    const half = Math.ceil(whole.value.length / 2);
    const chunks = jar(
      { name: `${whole.name}.1`, value: whole.value.slice(half) },
      { name: `${whole.name}.0`, value: whole.value.slice(0, half) },
    );
    expect(await readSession(chunks, requestHeaders())).toMatchObject({ email: "bob@example.com" });
  });

  it("refuses a forged cookie, one without a session id, and one from another secret", async () => {
    expect(
      await readSession(jar({ name: "authjs.session-token", value: "forged" }), requestHeaders()),
    ).toBeNull();
    const old = await sessionCookie("bob@example.com", { extra: { sid: undefined } });
    expect(await readSession(jar(old), requestHeaders())).toBeNull();
  });

  it("refuses a session past its absolute lifetime, however fresh its cookie", async () => {
    const longAgo = await sessionCookie("bob@example.com", { authTime: now() - 8 * 3600 - 5 });
    expect(await readSession(jar(longAgo), requestHeaders())).toBeNull();
    const recent = await sessionCookie("bob@example.com", { authTime: now() - 7 * 3600 });
    expect(await readSession(jar(recent), requestHeaders())).not.toBeNull();
  });

  it("refuses an idle session whose cookie has expired, even when its claims were cached", async () => {
    const cookie = await sessionCookie("bob@example.com", { maxAge: 60 });
    expect(await readSession(jar(cookie), requestHeaders())).not.toBeNull();
    vi.useFakeTimers({ now: Date.now() + 61_000, toFake: ["Date"] });
    expect(await readSession(jar(cookie), requestHeaders())).toBeNull();
  });

  it("refuses a signed-out session at once, even a copy of its cookie", async () => {
    const sid = "session-to-revoke";
    const cookie = await sessionCookie("bob@example.com", { sid });
    const copy = { ...cookie };
    expect(await readSession(jar(cookie), requestHeaders())).not.toBeNull();
    await revokeSession({ sid, authTime: now() });
    expect(await readSession(jar(copy), requestHeaders())).toBeNull();
    const other = await sessionCookie("bob@example.com");
    expect(await readSession(jar(other), requestHeaders())).not.toBeNull();
  });
});
