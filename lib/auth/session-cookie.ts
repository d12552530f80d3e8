/**
 * Reads the Auth.js session cookie directly with Auth.js's own public `decode`. Calling `auth()` instead runs
 * the whole Auth.js request pipeline and re-encrypts the cookie on every call, which halved the token route's
 * throughput (scripts/bench/token-route.ts). The session is a fixed 8 hours from sign-in either way.
 */
import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

// Auth.js names the cookie by whether it was set over HTTPS; the name is also the key derivation salt.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

export interface SessionClaims {
  email: string;
}

// Decrypting the cookie costs more than minting a token; the same cookie arrives again and again, so its
// decoded claims are kept until the session's own expiry. Bounded, oldest dropped first.
const MAX_CACHED = 5000;
const decoded = new Map<string, { claims: SessionClaims | null; expiresAt: number }>();

async function decodeCached(token: string, salt: string): Promise<SessionClaims | null> {
  const key = `${salt}:${token}`;
  const hit = decoded.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.claims;
  let claims: SessionClaims | null = null;
  let expiresAt = Date.now() + 60_000;
  try {
    const payload = await decode({ token, secret: getEnv().authSecret, salt });
    if (typeof payload?.email === "string") claims = { email: payload.email };
    if (typeof payload?.exp === "number") expiresAt = payload.exp * 1000;
  } catch {
    // Forged, expired or from another secret: the same as no session.
  }
  if (decoded.size >= MAX_CACHED) decoded.delete(decoded.keys().next().value ?? "");
  decoded.set(key, { claims, expiresAt });
  return claims;
}

export async function readSessionCookie(): Promise<SessionClaims | null> {
  const jar = await cookies();
  for (const name of COOKIE_NAMES) {
    // Sessions above ~4 kB are split into `<name>.0`, `<name>.1`, …
    const chunks = jar
      .getAll()
      .filter((cookie) => cookie.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
    const token = jar.get(name)?.value ?? chunks.map((cookie) => cookie.value).join("");
    if (!token) continue;
    return decodeCached(token, name);
  }
  return null;
}
