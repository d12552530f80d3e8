/**
 * Mints Tableau Connected App (direct trust) JWTs. Framework-free; the secret value is used here and nowhere else.
 * Shape: tableau-reference.md §2 — HS256, header kid/iss, claims iss/sub/aud/jti/iat/nbf/exp/scp, user
 * attributes as top-level claims, groups under `https://tableau.com/groups`.
 */
import { createHash, randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/** Tableau refuses tokens that expire more than 10 minutes after they are minted. */
export const MAX_TOKEN_LIFETIME_SECONDS = 600;
/** Tableau's own code back-dates iat and nbf so a slightly slow Tableau clock still accepts the token. */
const CLOCK_SKEW_SECONDS = 5;
const GROUPS_CLAIM = "https://tableau.com/groups";
const RESERVED_CLAIMS = new Set(["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp", GROUPS_CLAIM]);

export type TokenMintErrorCode = "TOKEN_LIFETIME_INVALID" | "TOKEN_CLAIM_RESERVED" | "TOKEN_CLAIMS_INVALID";

export class TokenMintError extends Error {
  readonly code: TokenMintErrorCode;

  constructor(code: TokenMintErrorCode, message: string) {
    super(message);
    this.name = "TokenMintError";
    this.code = code;
  }
}

export interface ConnectedApp {
  clientId: string;
  secretId: string;
  secretValue: string;
}

export interface TokenClaims {
  /** Tableau username (case-sensitive; the e-mail on Tableau Cloud). */
  sub: string;
  scopes: string[];
  lifetimeSeconds: number;
  /** User attributes for row-level security, e.g. `{ Region: "East" }`. */
  attributes?: Record<string, string | string[]>;
  groups?: string[];
  now?: Date;
}

export interface MintedToken {
  token: string;
  expiresAt: Date;
  jti: string;
}

function checkClaims(claims: TokenClaims): void {
  const { lifetimeSeconds } = claims;
  if (
    !Number.isFinite(lifetimeSeconds) ||
    lifetimeSeconds <= 0 ||
    lifetimeSeconds > MAX_TOKEN_LIFETIME_SECONDS
  ) {
    throw new TokenMintError(
      "TOKEN_LIFETIME_INVALID",
      `Token lifetime must be more than 0 and at most ${MAX_TOKEN_LIFETIME_SECONDS} seconds (got ${lifetimeSeconds}).`,
    );
  }
  if (claims.sub.trim() === "")
    throw new TokenMintError("TOKEN_CLAIMS_INVALID", "The token needs a subject.");
  if (claims.scopes.length === 0)
    throw new TokenMintError("TOKEN_CLAIMS_INVALID", "The token needs a scope.");
  for (const name of Object.keys(claims.attributes ?? {})) {
    if (RESERVED_CLAIMS.has(name) || name.startsWith("https://tableau.com/")) {
      throw new TokenMintError(
        "TOKEN_CLAIM_RESERVED",
        `User attribute "${name}" collides with a registered claim.`,
      );
    }
  }
}

// Importing the key is as costly as signing; keep the imported key for the (one) configured secret.
let cachedKey: { secretValue: string; key: Promise<CryptoKey> } | undefined;

function signingKey(secretValue: string): Promise<CryptoKey> {
  if (cachedKey?.secretValue !== secretValue) {
    // Tableau signs with the secret value's bytes as-is, not base64-decoded.
    const raw = new TextEncoder().encode(secretValue);
    const key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    cachedKey = { secretValue, key };
  }
  return cachedKey.key;
}

/** Mints a signed Connected App JWT for one Tableau user. Throws TokenMintError on a bad lifetime or claim. */
export async function mintConnectedAppToken(app: ConnectedApp, claims: TokenClaims): Promise<MintedToken> {
  checkClaims(claims);
  const nowSeconds = Math.floor((claims.now ?? new Date()).getTime() / 1000);
  const exp = nowSeconds + Math.floor(claims.lifetimeSeconds);
  const jti = randomUUID();
  const payload: Record<string, unknown> = { ...claims.attributes, scp: [...claims.scopes] };
  if (claims.groups && claims.groups.length > 0) payload[GROUPS_CLAIM] = [...claims.groups];

  const token = await new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: app.secretId, iss: app.clientId })
    .setIssuer(app.clientId)
    .setSubject(claims.sub)
    .setAudience("tableau")
    .setJti(jti)
    .setIssuedAt(nowSeconds - CLOCK_SKEW_SECONDS)
    .setNotBefore(nowSeconds - CLOCK_SKEW_SECONDS)
    .setExpirationTime(exp)
    .sign(await signingKey(app.secretValue));

  return { token, expiresAt: new Date(exp * 1000), jti };
}

/** A short, stable fingerprint of a jti for logs: enough to correlate with Tableau's side, never the token. */
export function hashJti(jti: string): string {
  return createHash("sha256").update(jti).digest("hex").slice(0, 16);
}
