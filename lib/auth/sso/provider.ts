/**
 * Auth.js's generic OpenID Connect provider, id `oidc` (so the redirect URI is `{portal}/api/auth/callback/oidc`),
 * set up from AUTH_OIDC_*: discovery from the issuer, PKCE, state and nonce all checked (Auth.js checks only
 * PKCE by default), the claims read from userinfo as well as the ID token (providers keep e-mail and groups out
 * of ID tokens), and a timeout on every call so a provider that hangs gives an error page, not a spinner.
 */
import "server-only";
import { decodeJwt } from "jose";
import { customFetch } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import type { OidcSettings } from "@/lib/env-sso";

export const OIDC_PROVIDER_ID = "oidc";

type Claims = Record<string, unknown>;

/** The claims the rules see: userinfo's, then the ID token's identity claims (validated, so they win). */
export function mergedClaims(userinfo: Claims, idToken: string | undefined, issuer: string): Claims {
  let fromIdToken: Claims = {};
  if (idToken) {
    try {
      fromIdToken = decodeJwt(idToken);
    } catch {
      // Auth.js validated it already; an unreadable one leaves userinfo's claims alone.
    }
  }
  const { iss, sub, aud: _aud, nonce: _nonce, at_hash: _atHash, ...rest } = fromIdToken;
  return { ...rest, ...userinfo, iss: typeof iss === "string" ? iss : issuer, sub: sub ?? userinfo.sub };
}

function withTimeout(seconds: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(seconds * 1000);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

export function oidcProvider(settings: OidcSettings, timeoutSeconds: number): OIDCConfig<Claims> {
  return {
    id: OIDC_PROVIDER_ID,
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    // false: also ask userinfo, where providers put e-mail and groups.
    idToken: false,
    authorization: { params: { scope: settings.scopes.join(" ") } },
    profile(profile, tokens) {
      const claims = mergedClaims(profile, tokens.id_token, settings.issuer);
      return {
        id: String(claims.sub ?? ""),
        email: typeof claims.email === "string" ? claims.email : null,
        name: typeof claims.name === "string" ? claims.name : null,
        ssoClaims: claims,
      };
    },
    // In `options`: Auth.js merges the provider's own fields without their symbol keys and reads this one there.
    options: { [customFetch]: withTimeout(timeoutSeconds) },
  };
}
