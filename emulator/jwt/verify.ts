/**
 * Connected App (direct trust) JWT validation, in Tableau's order and with its codes (design.md "JWT check",
 * tableau-reference.md §2). Written on node:crypto on purpose: the tests mint with `jose`, an independent
 * implementation, so a shared bug cannot make both sides agree.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmulatorContext, JwtIdentity } from "../core/context";
import { findUserByName } from "../core/lookup";
import type { ConnectedApp } from "../core/site";
import { attributeClaims } from "./claims";
import { CA } from "./codes";
import { decodeJwt } from "./decode";

export type JwtCheck =
  { ok: true; identity: JwtIdentity } | { ok: false; connectedAppCode: number; reason: string };

export interface JwtNeed {
  /** The scope the call needs, or a test any one of the token's scopes must pass (REST sign-in). */
  scope: string | ((scope: string) => boolean);
  /**
   * The requesting page's origin, for embedding. `undefined`: not an embedding call, no allowlist check.
   * `null`: an embedding call with no known origin, rejected unless the allowlist holds `*`.
   */
  origin?: string | null;
}

const MAX_LIFETIME_S = 600;

export function verifyConnectedAppJwt(ctx: EmulatorContext, token: string, need: JwtNeed): JwtCheck {
  const fail = (connectedAppCode: number, reason: string): JwtCheck => ({
    ok: false,
    connectedAppCode,
    reason,
  });
  const jwt = decodeJwt(token);
  if (!jwt) return fail(CA.JWT_PARSE_ERROR, "the token is not a compact JWS (header.payload.signature)");
  const { header, payload } = jwt;

  if (header.alg !== "HS256") return fail(CA.BLOCKLISTED_ALGORITHM, "the token must be signed with HS256");
  if (typeof header.kid !== "string" || typeof header.iss !== "string")
    return fail(CA.BAD_JWT, "the token header must hold kid (secret id) and iss (client id)");

  const found = findSecret(ctx, header.kid);
  if (!found) return fail(CA.SECRET_NOT_FOUND_FOR_KID, "kid names no secret of any connected app");
  if (!signatureMatches(jwt.signingInput, jwt.signature, found.value))
    return fail(CA.SECRET_MISMATCH, "the signature does not verify with the secret that kid names");

  const app = found.app;
  if (header.iss !== app.clientId || payload.iss !== app.clientId)
    return fail(CA.UNKNOWN_ISSUER, "iss (header and payload) must be the connected app's client id");
  if (!app.enabled) return fail(CA.APP_DISABLED, "the connected app is disabled");

  if (!audienceIsTableau(payload.aud)) return fail(CA.JWT_PARSE_ERROR, 'aud must be "tableau"');
  if (typeof payload.sub !== "string" || payload.sub === "")
    return fail(CA.JWT_PARSE_ERROR, "sub is missing");
  const user = findUserByName(ctx, payload.sub);
  if (!user) return fail(CA.USER_NOT_FOUND, "sub is not a user of the site (names are case-sensitive)");

  const now = ctx.now() / 1000;
  const skew = ctx.config.skewSeconds;
  const exp = payload.exp;
  if (typeof exp !== "number" || !Number.isFinite(exp)) return fail(CA.LOGIN_FAILED, "exp is missing");
  if (exp <= now - skew) return fail(CA.LOGIN_FAILED, "the token has expired (exp is in the past)");
  if (exp > now + MAX_LIFETIME_S + skew) return fail(CA.LOGIN_FAILED, "exp is more than 10 minutes ahead");
  for (const claim of ["nbf", "iat"] as const) {
    const t = payload[claim];
    if (t !== undefined && (typeof t !== "number" || t > now + skew))
      return fail(CA.LOGIN_FAILED, `${claim} is in the future (clock skew?)`);
  }

  const jti = payload.jti;
  if (typeof jti !== "string" || jti === "") return fail(CA.JTI_REJECTED, "jti is missing");
  pruneSeenJti(ctx);
  if (ctx.state.seenJti.has(jti)) return fail(CA.JTI_REJECTED, "jti has been used before");

  const scp = payload.scp;
  if (!Array.isArray(scp) || !scp.every((s): s is string => typeof s === "string"))
    return fail(CA.SCOPE_REJECTED, "scp must be an array of scope strings");
  const test = need.scope;
  const hasScope = typeof test === "string" ? scp.includes(test) : scp.some(test);
  if (!hasScope)
    return fail(
      CA.SCOPE_REJECTED,
      typeof test === "string" ? `scp lacks ${test}` : "scp lacks a scope this call accepts",
    );

  if (need.origin !== undefined && !originAllowed(app, need.origin))
    return fail(CA.ORIGIN_NOT_ALLOWED, "the page's origin is not in the connected app's domain allowlist");

  ctx.state.seenJti.set(jti, exp * 1000);
  return {
    ok: true,
    identity: { user, clientId: app.clientId, scopes: [...scp], attributes: attributeClaims(payload), jti },
  };
}

function findSecret(ctx: EmulatorContext, kid: string): { app: ConnectedApp; value: string } | null {
  for (const app of ctx.site.connectedApps) {
    const secret = app.secrets.find((s) => s.id === kid);
    if (secret) return { app, value: secret.value };
  }
  return null;
}

function signatureMatches(signingInput: string, signature: Buffer, secret: string): boolean {
  // The key is the secret value's bytes as-is (not base64-decoded), as Tableau's samples sign.
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(signingInput).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}

function audienceIsTableau(aud: unknown): boolean {
  return aud === "tableau" || (Array.isArray(aud) && aud.includes("tableau"));
}

function originAllowed(app: ConnectedApp, origin: string | null): boolean {
  if (app.domainAllowlist.includes("*")) return true;
  if (origin === null) return false;
  return app.domainAllowlist.some((allowed) => allowed.replace(/\/+$/, "") === origin);
}

let checksSincePrune = 0;
/** Forgets jtis whose token has expired (a replay would fail on `exp` anyway). */
function pruneSeenJti(ctx: EmulatorContext): void {
  if (++checksSincePrune < 1000) return;
  checksSincePrune = 0;
  const cutoff = ctx.now() - ctx.config.skewSeconds * 1000;
  for (const [jti, expMs] of ctx.state.seenJti) if (expMs < cutoff) ctx.state.seenJti.delete(jti);
}
