/**
 * Test-side token minting with `jose` (an independent JWT library, not the emulator's verifier), the way
 * Tableau's public samples build a Connected App token. Overrides let a test break one rule at a time.
 */
import { SignJWT, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { DEMO_CLIENT_ID, DEMO_SECRET_ID, DEMO_SECRET_VALUE } from "../generate/demo-site";

export interface MintOptions {
  /** `null` leaves `sub` out. */
  sub?: string | null;
  scopes?: unknown;
  /** Seconds from now; `null` leaves `exp` out. */
  expiresIn?: number | null;
  jti?: string | null;
  aud?: string | null;
  clientId?: string;
  /** Header `iss`; defaults to `clientId`. `null` leaves it out. */
  headerIss?: string | null;
  secretId?: string | null;
  secretValue?: string;
  alg?: "HS256" | "HS384" | "HS512";
  claims?: JWTPayload;
  /** Clock to mint against, ms (tests that move the emulator's clock). */
  now?: number;
}

export async function mintToken(opts: MintOptions = {}): Promise<string> {
  const clientId = opts.clientId ?? DEMO_CLIENT_ID;
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  const header: Record<string, string> = { alg: opts.alg ?? "HS256", typ: "JWT" };
  if (opts.secretId !== null) header.kid = opts.secretId ?? DEMO_SECRET_ID;
  if (opts.headerIss !== null) header.iss = opts.headerIss ?? clientId;
  const payload: JWTPayload = {
    scp: opts.scopes ?? ["tableau:content:read", "tableau:views:download"],
    ...opts.claims,
  };
  const jwt = new SignJWT(payload)
    .setProtectedHeader(header as { alg: string })
    .setIssuer(clientId)
    .setIssuedAt(now - 5);
  if (opts.sub !== null) jwt.setSubject(opts.sub ?? "alice@example.com");
  if (opts.aud !== null) jwt.setAudience(opts.aud ?? "tableau");
  if (opts.expiresIn !== null) jwt.setExpirationTime(now + (opts.expiresIn ?? 300));
  if (opts.jti !== null) jwt.setJti(opts.jti ?? randomUUID());
  return jwt.sign(new TextEncoder().encode(opts.secretValue ?? DEMO_SECRET_VALUE));
}
