/**
 * Reads the Auth.js session cookie with Auth.js's own public `decode`, rather than `auth()`, which runs Auth.js's
 * whole request pipeline and re-encrypts the cookie on every call. Only the cookie name Auth.js uses for the
 * request's scheme is read: on HTTPS an unprefixed `authjs.session-token` could have been planted by anyone who
 * can set a cookie for the host over plain HTTP (session fixation). A session is refused when it is revoked
 * (signed out), past its absolute lifetime, or idle past its cookie's expiry.
 */
import "server-only";
import { cookies as nextCookies, headers as nextHeaders } from "next/headers";
import { decode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { getRevocationStore, shared } from "@/lib/store";

const SECURE_NAME = "__Secure-authjs.session-token";
const PLAIN_NAME = "authjs.session-token";

export interface SessionClaims {
  email: string;
  /** The session's id, which sign-out revokes. */
  sid: string;
  /** Sign-in time, epoch seconds: the absolute lifetime counts from here. */
  authTime: number;
  /** The cookie's expiry, epoch seconds (the idle deadline). */
  exp: number;
  name?: string;
  role?: string;
  /** A single sign-on's ID token, kept for the provider's sign-out (`id_token_hint`). */
  idToken?: string;
}

export interface CookieSource {
  getAll(): Array<{ name: string; value: string }>;
}

/** Auth.js names the cookie by the scheme it sees: Next.js's normalised `x-forwarded-proto`. */
export function sessionCookieName(headers: Headers): string {
  return headers.get("x-forwarded-proto") === "https" ? SECURE_NAME : PLAIN_NAME;
}

/** The cookie's value, joining Auth.js's `<name>.0`, `<name>.1`… chunks for a large session. */
export function sessionToken(jar: CookieSource, name: string): string | undefined {
  const all = jar.getAll();
  const whole = all.find((cookie) => cookie.name === name)?.value;
  if (whole) return whole;
  const chunks = all
    .filter(
      (cookie) => /^\d+$/.test(cookie.name.slice(name.length + 1)) && cookie.name.startsWith(`${name}.`),
    )
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length ? chunks.map((cookie) => cookie.value).join("") : undefined;
}

type Decoded = { claims: SessionClaims | null; cachedUntil: number };
const MAX_CACHED = 5000;

// Decrypting costs more than minting a token, and the same cookie arrives again and again: its claims are kept
// until its expiry. Revocation and the absolute lifetime are checked on every read, never cached.
async function decodeCached(token: string, salt: string): Promise<SessionClaims | null> {
  const cache = shared("auth.decoded-sessions", () => new Map<string, Decoded>());
  const key = `${salt}:${token}`;
  const hit = cache.get(key);
  if (hit && hit.cachedUntil > Date.now()) return hit.claims;
  let claims: SessionClaims | null = null;
  try {
    const payload = await decode({ token, secret: getEnv().authSecret, salt });
    claims = toClaims(payload);
  } catch {
    // Forged, expired or from another secret: the same as no session.
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? "");
  cache.set(key, { claims, cachedUntil: claims ? claims.exp * 1000 : Date.now() + 60_000 });
  return claims;
}

function toClaims(payload: Record<string, unknown> | null): SessionClaims | null {
  if (!payload) return null;
  const { email, sid, authTime, exp, name, role, idToken } = payload;
  if (typeof email !== "string" || typeof sid !== "string") return null;
  if (typeof authTime !== "number" || typeof exp !== "number") return null;
  return {
    email,
    sid,
    authTime,
    exp,
    ...(typeof name === "string" ? { name } : {}),
    ...(typeof role === "string" ? { role } : {}),
    ...(typeof idToken === "string" ? { idToken } : {}),
  };
}

/** The session's claims if it is live now; null for none, forged, expired, too old or signed out. */
export async function readSession(jar: CookieSource, headers: Headers): Promise<SessionClaims | null> {
  const name = sessionCookieName(headers);
  const token = sessionToken(jar, name);
  if (!token) return null;
  const claims = await decodeCached(token, name);
  if (!claims) return null;
  const nowSeconds = Date.now() / 1000;
  if (claims.exp <= nowSeconds) return null;
  if (claims.authTime + getEnv().session.maxAgeSeconds <= nowSeconds) return null;
  if (await getRevocationStore().isRevoked(claims.sid)) return null;
  return claims;
}

/** The session of the request being served (pages and server actions). */
export async function readSessionCookie(): Promise<SessionClaims | null> {
  return readSession(await nextCookies(), await nextHeaders());
}

/** The session a route handler's request carries. */
export function readRequestSession(request: Request): Promise<SessionClaims | null> {
  return readSession(parseCookieHeader(request.headers.get("cookie")), request.headers);
}

function parseCookieHeader(header: string | null): CookieSource {
  const pairs = (header ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf("=");
      return at < 0 ? { name: part, value: "" } : { name: part.slice(0, at), value: part.slice(at + 1) };
    });
  return { getAll: () => pairs };
}
