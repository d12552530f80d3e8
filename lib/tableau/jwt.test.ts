import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashJti, mintConnectedAppToken, TokenMintError } from "./jwt";

const app = {
  clientId: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  secretId: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
  secretValue: "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68",
};
const now = new Date("2026-01-02T03:04:05.678Z");
const nowSeconds = Math.floor(now.getTime() / 1000);

// Decodes and checks the signature with node:crypto alone, independent of jose.
function verify(token: string, secret: string) {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) throw new Error("not a JWS compact token");
  const expected = createHmac("sha256", Buffer.from(secret, "utf8"))
    .update(`${header}.${payload}`)
    .digest("base64url");
  return {
    signatureValid: expected === signature,
    header: JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, unknown>,
    claims: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>,
  };
}

describe("mintConnectedAppToken", () => {
  it("builds the header and claims Tableau expects, signed with the secret value's bytes", async () => {
    const minted = await mintConnectedAppToken(app, {
      sub: "bob@example.com",
      scopes: ["tableau:views:embed"],
      lifetimeSeconds: 300,
      now,
    });
    const { signatureValid, header, claims } = verify(minted.token, app.secretValue);
    expect(signatureValid).toBe(true);
    expect(verify(minted.token, "another-secret").signatureValid).toBe(false);
    expect(header).toEqual({ alg: "HS256", typ: "JWT", kid: app.secretId, iss: app.clientId });
    expect(claims).toEqual({
      iss: app.clientId,
      sub: "bob@example.com",
      aud: "tableau",
      jti: minted.jti,
      iat: nowSeconds - 5,
      nbf: nowSeconds - 5,
      exp: nowSeconds + 300,
      scp: ["tableau:views:embed"],
    });
    expect(minted.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(minted.expiresAt.getTime()).toBe((nowSeconds + 300) * 1000);
  });

  it("gives every token its own jti", async () => {
    const claims = { sub: "a", scopes: ["tableau:views:embed"], lifetimeSeconds: 60 };
    const jtis = new Set(
      await Promise.all([1, 2, 3, 4, 5].map(async () => (await mintConnectedAppToken(app, claims)).jti)),
    );
    expect(jtis.size).toBe(5);
  });

  it("puts user attributes at the top level and groups under Tableau's claim", async () => {
    const minted = await mintConnectedAppToken(app, {
      sub: "carol@example.com",
      scopes: ["tableau:views:embed", "tableau:content:read"],
      lifetimeSeconds: 600,
      attributes: { Region: "East", Category: ["Furniture", "Technology"] },
      groups: ["Sales", "East Team"],
      now,
    });
    const { claims } = verify(minted.token, app.secretValue);
    expect(claims.Region).toBe("East");
    expect(claims.Category).toEqual(["Furniture", "Technology"]);
    expect(claims["https://tableau.com/groups"]).toEqual(["Sales", "East Team"]);
    expect(claims.scp).toEqual(["tableau:views:embed", "tableau:content:read"]);
    expect(claims.exp).toBe(nowSeconds + 600);
  });

  it("leaves the groups claim out when there are none", async () => {
    const minted = await mintConnectedAppToken(app, {
      sub: "a",
      scopes: ["tableau:views:embed"],
      lifetimeSeconds: 60,
      groups: [],
    });
    expect(verify(minted.token, app.secretValue).claims).not.toHaveProperty(["https://tableau.com/groups"]);
  });

  it.each([0, -1, 601, 3600, Number.NaN])("refuses a lifetime of %s seconds", async (lifetimeSeconds) => {
    const promise = mintConnectedAppToken(app, {
      sub: "a",
      scopes: ["tableau:views:embed"],
      lifetimeSeconds,
    });
    await expect(promise).rejects.toBeInstanceOf(TokenMintError);
    await expect(promise).rejects.toMatchObject({ code: "TOKEN_LIFETIME_INVALID" });
  });

  it.each(["sub", "exp", "scp", "aud", "https://tableau.com/groups", "https://tableau.com/oda"])(
    "refuses an attribute named %s",
    async (name) => {
      const promise = mintConnectedAppToken(app, {
        sub: "a",
        scopes: ["tableau:views:embed"],
        lifetimeSeconds: 60,
        attributes: { [name]: "x" },
      });
      await expect(promise).rejects.toMatchObject({ code: "TOKEN_CLAIM_RESERVED" });
    },
  );

  it("refuses an empty subject or no scope", async () => {
    await expect(
      mintConnectedAppToken(app, { sub: " ", scopes: ["tableau:views:embed"], lifetimeSeconds: 60 }),
    ).rejects.toMatchObject({ code: "TOKEN_CLAIMS_INVALID" });
    await expect(
      mintConnectedAppToken(app, { sub: "a", scopes: [], lifetimeSeconds: 60 }),
    ).rejects.toMatchObject({
      code: "TOKEN_CLAIMS_INVALID",
    });
  });
});

describe("hashJti", () => {
  it("is short, stable and does not contain the jti", () => {
    const jti = "62f3da6b-c06a-47e6-9de6-3bdb74b0130e";
    expect(hashJti(jti)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashJti(jti)).toBe(hashJti(jti));
    expect(hashJti(jti)).not.toBe(hashJti(`${jti}x`));
    expect(jti).not.toContain(hashJti(jti));
  });
});
