import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteFile } from "../core/load-site";
import { startEmulator, type RunningEmulator } from "../server";
import { mintToken, type MintOptions } from "../testing/mint";
import { API, getJson } from "../testing/rest-client";
import { credentialsSchema, errorSchema } from "../testing/wire";
import { verifyConnectedAppJwt } from "./verify";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());

async function signInWith(opts: MintOptions, base = emu.url) {
  const jwt = await mintToken(opts);
  return getJson(`${base}${API}/auth/signin`, undefined, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ credentials: { jwt, site: { contentUrl: "vizport-demo" } } }),
  });
}

/** Signs in with a token broken one way and returns the Connected App code from "… (NN)". */
async function rejectedCode(opts: MintOptions, base = emu.url): Promise<number> {
  const res = await signInWith(opts, base);
  expect(res.status).toBe(401);
  const { error } = errorSchema.parse(res.body);
  expect(error.code).toBe("401001");
  expect(error.summary).toBe("Signin Error");
  const m = /\((\d+)\)$/.exec(error.detail);
  expect(m, error.detail).not.toBeNull();
  return Number(m![1]);
}

describe("Connected App JWT (REST sign-in)", () => {
  it("accepts a token minted with jose the way Tableau's samples do", async () => {
    const res = await signInWith({});
    expect(res.status).toBe(200);
    const { credentials } = credentialsSchema.parse(res.body);
    expect(credentials.site.contentUrl).toBe("vizport-demo");
  });

  it.each<[string, MintOptions, number]>([
    ["an algorithm other than HS256", { alg: "HS384" }, 10087],
    ["a header without kid", { secretId: null }, 10083],
    ["a header without iss", { headerIss: null }, 10083],
    ["a kid naming no secret", { secretId: "00000000-0000-4000-8000-000000000000" }, 10085],
    ["a wrong secret value", { secretValue: "not-the-secret-value-but-long-enough" }, 127],
    ["an unknown issuer", { clientId: "11111111-2222-4333-8444-555555555555" }, 10089],
    ["a wrong audience", { aud: "Tableau" }, 10084],
    ["no audience", { aud: null }, 10084],
    ["no sub", { sub: null }, 10084],
    ["a sub that is no site user", { sub: "erin@example.com" }, 5],
    ["a sub in the wrong case", { sub: "Alice@example.com" }, 5],
    ["no exp", { expiresIn: null }, 16],
    ["an expired exp", { expiresIn: -120 }, 16],
    ["exp more than 10 minutes (plus skew) ahead", { expiresIn: 11 * 60 + 5 }, 16],
    [
      "iat in the future beyond the skew (a fast minting clock)",
      { now: Date.now() + 300_000, expiresIn: 200 },
      16,
    ],
    ["no jti", { jti: null }, 10091],
    ["scp that is not an array", { scopes: "tableau:content:read" }, 10092],
    ["scp without a REST scope", { scopes: ["tableau:views:embed"] }, 10092],
  ])("rejects %s", async (_, opts, code) => {
    expect(await rejectedCode(opts)).toBe(code);
  });

  it("allows 60 s of skew on the 10-minute limit", async () => {
    expect((await signInWith({ expiresIn: 10 * 60 + 30 })).status).toBe(200);
  });

  it("rejects a reused jti", async () => {
    const jti = crypto.randomUUID();
    expect((await signInWith({ jti })).status).toBe(200);
    expect(await rejectedCode({ jti })).toBe(10091);
  });

  it("rejects a token of a disabled app with 10090", async () => {
    const data = loadSiteFile();
    const disabled = await startEmulator({
      port: 0,
      quiet: true,
      data: { ...data, connectedApps: data.connectedApps.map((a) => ({ ...a, enabled: false })) },
    });
    try {
      expect(await rejectedCode({}, disabled.url)).toBe(10090);
    } finally {
      await disabled.close();
    }
  });

  it("rejects something that is not a JWT with 10084", async () => {
    const res = await getJson(`${emu.url}${API}/auth/signin`, undefined, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ credentials: { jwt: "not.a-jwt", site: { contentUrl: "vizport-demo" } } }),
    });
    expect(errorSchema.parse(res.body).error.detail).toMatch(/\(10084\)$/);
  });
});

describe("verifyConnectedAppJwt for embedding", () => {
  const embed = { scopes: ["tableau:views:embed"] };

  it("accepts an allowed origin and carries attribute claims and groups", async () => {
    const token = await mintToken({
      ...embed,
      sub: "bob@example.com",
      claims: { Region: ["West", "East"], Team: "ops", "https://tableau.com/groups": ["Sales"], n: 3 },
    });
    const check = verifyConnectedAppJwt(emu.ctx, token, {
      scope: "tableau:views:embed",
      origin: "http://localhost:3000",
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.identity.user.name).toBe("bob@example.com");
    expect(check.identity.scopes).toEqual(["tableau:views:embed"]);
    expect(check.identity.attributes).toEqual({
      Region: ["West", "East"],
      Team: "ops",
      "https://tableau.com/groups": ["Sales"],
    });
  });

  it("rejects an origin outside the allowlist, or none, with 10093", async () => {
    for (const origin of ["http://evil.example", null]) {
      const check = verifyConnectedAppJwt(emu.ctx, await mintToken(embed), {
        scope: "tableau:views:embed",
        origin,
      });
      expect(check).toMatchObject({ ok: false, connectedAppCode: 10093 });
    }
  });

  it("rejects a token whose scopes lack the one the call needs with 10092", async () => {
    const check = verifyConnectedAppJwt(emu.ctx, await mintToken(), { scope: "tableau:views:embed" });
    expect(check).toMatchObject({ ok: false, connectedAppCode: 10092 });
  });
});
