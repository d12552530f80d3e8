/**
 * The idle timeout. A session cookie expires `VIZPORT_SESSION_IDLE_MINUTES` after it was issued; proxy.ts calls
 * this on page requests, and a live session whose cookie is more than a minute old (or a tenth of the idle
 * time, if shorter) gets a fresh copy expiring a full idle period from now, never past the absolute lifetime.
 * A session with no page request for the idle time therefore ends. Only live sessions are renewed: a signed-out
 * or too-old one gets nothing.
 */
import "server-only";
import { decode, encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { readSession, sessionCookieName, type CookieSource } from "./session-cookie";

export interface RenewedCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; expires: Date };
}

export async function renewSessionCookie(jar: CookieSource, headers: Headers): Promise<RenewedCookie | null> {
  const name = sessionCookieName(headers);
  // A session large enough to be split into chunks is left alone: Auth.js's own cookies never are.
  const token = jar.getAll().find((cookie) => cookie.name === name)?.value;
  if (!token) return null;
  const claims = await readSession(jar, headers);
  if (!claims) return null;

  const { session, authSecret } = getEnv();
  const now = Math.floor(Date.now() / 1000);
  const renewEvery = Math.min(60, Math.ceil(session.idleSeconds / 10));
  if (claims.exp - now > session.idleSeconds - renewEvery) return null;
  const exp = Math.min(now + session.idleSeconds, claims.authTime + session.maxAgeSeconds);
  if (exp <= claims.exp) return null;

  const payload = await decode({ token, secret: authSecret, salt: name });
  if (!payload) return null;
  const value = await encode({ token: payload, secret: authSecret, salt: name, maxAge: exp - now });
  return {
    name,
    value,
    options: {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: name.startsWith("__Secure-"),
      expires: new Date(exp * 1000),
    },
  };
}
