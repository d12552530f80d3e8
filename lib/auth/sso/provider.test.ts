import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { mergedClaims, oidcProvider } from "./provider";

const ISSUER = "http://localhost:9301";

async function idToken(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .sign(new TextEncoder().encode("k".repeat(32)));
}

describe("mergedClaims", () => {
  it("takes userinfo's claims and the ID token's issuer and subject, without its protocol claims", async () => {
    const token = await idToken({
      iss: ISSUER,
      sub: "s-1",
      aud: "vizport",
      nonce: "n",
      at_hash: "h",
      acr: "1",
    });
    const claims = mergedClaims({ sub: "s-1", email: "bob@corp.example", groups: ["sales"] }, token, ISSUER);
    expect(claims).toEqual({
      iss: ISSUER,
      sub: "s-1",
      acr: "1",
      email: "bob@corp.example",
      groups: ["sales"],
    });
  });

  it("never lets userinfo name another issuer or subject", async () => {
    const token = await idToken({ iss: ISSUER, sub: "s-1" });
    const claims = mergedClaims({ iss: "https://evil.example", sub: "s-2" }, token, ISSUER);
    expect(claims).toMatchObject({ iss: ISSUER, sub: "s-1" });
  });

  it("falls back to the configured issuer without a readable ID token", () => {
    expect(mergedClaims({ sub: "s-1" }, undefined, ISSUER)).toEqual({ iss: ISSUER, sub: "s-1" });
    expect(mergedClaims({ sub: "s-1" }, "not-a-jwt", ISSUER)).toEqual({ iss: ISSUER, sub: "s-1" });
  });
});

describe("oidcProvider", () => {
  it("checks PKCE, state and nonce, reads userinfo, and asks for the configured scopes", () => {
    const provider = oidcProvider(
      { issuer: ISSUER, clientId: "vizport", clientSecret: "s", name: "Corp", scopes: ["openid", "email"] },
      5,
    );
    expect(provider).toMatchObject({
      id: "oidc",
      type: "oidc",
      name: "Corp",
      issuer: ISSUER,
      checks: ["pkce", "state", "nonce"],
      idToken: false,
      authorization: { params: { scope: "openid email" } },
    });
  });
});
