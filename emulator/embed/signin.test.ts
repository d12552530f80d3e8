import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { mint, PORTAL_ORIGIN, postSignin, SIGNIN_PATH, start } from "./test-helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

interface FailureBody {
  result: { errors: { code: number; message: string }[] };
}

describe("POST /vizportal/api/web/v1/auth/embed/signin", () => {
  it("signs in, sets the session cookie for localhost and answers the user's name with CORS", async () => {
    const jwt = await mint("carol@example.com", { claims: { Region: "East" } });
    const res = await postSignin(emu, { siteName: "vizport-demo", jwt });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(PORTAL_ORIGIN);
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("vary")).toContain("Origin");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^workgroup_session_id=[0-9a-f]{48}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/");
    expect(cookie).not.toMatch(/domain=/i);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ result: { user: { name: "carol@example.com" } } });
    expect(text).not.toContain(jwt);
    const last = emu.ctx.state.signins.at(-1)!;
    expect(last).toMatchObject({
      kind: "embed",
      outcome: "ok",
      user: "carol@example.com",
      origin: PORTAL_ORIGIN,
    });
    expect(last.attributes).toEqual({ Region: "East" });
    expect(JSON.stringify(emu.ctx.state.signins)).not.toContain(jwt);
  });

  it("accepts the embed_authoring scope", async () => {
    const jwt = await mint("alice@example.com", { scopes: ["tableau:views:embed_authoring"] });
    expect((await postSignin(emu, { siteName: "vizport-demo", jwt })).status).toBe(200);
  });

  it("answers the preflight for allowed origins only", async () => {
    const preflight = (origin: string) =>
      fetch(`${emu.url}${SIGNIN_PATH}`, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      });
    const ok = await preflight("http://localhost:3001");
    expect(ok.status).toBe(204);
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://localhost:3001");
    expect(ok.headers.get("access-control-allow-methods")).toContain("POST");
    expect(ok.headers.get("access-control-allow-headers")).toContain("content-type");
    const bad = await preflight("http://localhost:4000");
    expect(bad.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("rejects an origin outside the allowlist, without CORS headers", async () => {
    const jwt = await mint("alice@example.com");
    const res = await postSignin(emu, { siteName: "vizport-demo", jwt }, "http://evil.localhost:3000");
    expect(res.status).toBe(401);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(((await res.json()) as FailureBody).result.errors[0]!.code).toBe(10093);
  });

  const failures: [string, () => Promise<unknown>, number][] = [
    [
      "a user who is not on the site",
      async () => ({ siteName: "vizport-demo", jwt: await mint("erin@example.com") }),
      5,
    ],
    [
      "wrong-case user name",
      async () => ({ siteName: "vizport-demo", jwt: await mint("Alice@example.com") }),
      5,
    ],
    [
      "a wrong secret value",
      async () => ({
        siteName: "vizport-demo",
        jwt: await mint("alice@example.com", { secretValue: "wrong-secret-value" }),
      }),
      127,
    ],
    [
      "an unknown secret id",
      async () => ({
        siteName: "vizport-demo",
        jwt: await mint("alice@example.com", { kid: "no-such-secret" }),
      }),
      10085,
    ],
    [
      "exp more than 10 minutes ahead",
      async () => ({ siteName: "vizport-demo", jwt: await mint("alice@example.com", { expiresIn: "30m" }) }),
      16,
    ],
    [
      "a REST-only scope",
      async () => ({
        siteName: "vizport-demo",
        jwt: await mint("alice@example.com", { scopes: ["tableau:content:read"] }),
      }),
      10092,
    ],
    ["an unknown site", async () => ({ siteName: "other-site", jwt: await mint("alice@example.com") }), 16],
    ["a token that is not a JWT", async () => ({ siteName: "vizport-demo", jwt: "not-a-jwt" }), 10084],
  ];
  for (const [what, body, code] of failures) {
    it(`refuses ${what} with Connected App code ${code}, readable by the allowed origin`, async () => {
      const res = await postSignin(emu, await body());
      expect(res.status).toBe(401);
      expect(res.headers.get("access-control-allow-origin")).toBe(PORTAL_ORIGIN);
      expect(res.headers.get("set-cookie")).toBeNull();
      const error = ((await res.json()) as FailureBody).result.errors[0]!;
      expect(error.code).toBe(code);
      expect(error.message).toContain(`(${code})`);
      expect(emu.ctx.state.signins.at(-1)).toMatchObject({ outcome: "rejected", connectedAppCode: code });
    });
  }

  it("refuses a disabled Connected App with code 10090, readable by its page", async () => {
    const app = emu.ctx.site.connectedApps[0]!;
    app.enabled = false;
    try {
      const res = await postSignin(emu, { siteName: "vizport-demo", jwt: await mint("alice@example.com") });
      expect(res.status).toBe(401);
      expect(res.headers.get("access-control-allow-origin")).toBe(PORTAL_ORIGIN);
      expect(((await res.json()) as FailureBody).result.errors[0]!.code).toBe(10090);
    } finally {
      app.enabled = true;
    }
  });

  it("refuses a replayed jti", async () => {
    const jwt = await mint("alice@example.com");
    expect((await postSignin(emu, { siteName: "vizport-demo", jwt })).status).toBe(200);
    const again = await postSignin(emu, { siteName: "vizport-demo", jwt });
    expect(again.status).toBe(401);
    expect(((await again.json()) as FailureBody).result.errors[0]!.code).toBe(10091);
  });

  it("answers a malformed body with a 400, not a 500", async () => {
    for (const body of [
      "{not json",
      JSON.stringify({ siteName: "vizport-demo" }),
      JSON.stringify({ jwt: 42 }),
    ]) {
      const res = await postSignin(emu, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as FailureBody).result.errors[0]!.message).toMatch(/jwt/);
    }
  });
});
