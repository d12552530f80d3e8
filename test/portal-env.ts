/**
 * Test support for the portal's server modules: a valid demo environment stubbed into process.env, with
 * every module and the shared state (lib/store) fresh, as in a newly started process, and a database of its
 * own (a new SQLite file, which demo mode seeds with the demo accounts on first use).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import { vi } from "vitest";
import { resetSharedState } from "../lib/store";
import { VALID_ENV } from "./valid-env";

export function usePortalEnv(overrides: Record<string, string> = {}): Record<string, string> {
  vi.unstubAllEnvs();
  const database = join(mkdtempSync(join(tmpdir(), "vizport-portal-")), "vizport.db");
  const env = { ...VALID_ENV, VIZPORT_DEMO: "1", VIZPORT_DATABASE_FILE: database, ...overrides };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  resetSharedState();
  return env;
}

export interface SessionOptions {
  secure?: boolean;
  sid?: string;
  /** Sign-in time, epoch seconds. */
  authTime?: number;
  /** Seconds until the cookie expires. */
  maxAge?: number;
  extra?: Record<string, unknown>;
}

/** A session cookie as Auth.js would have issued it at sign-in, for `email`. */
export async function sessionCookie(email: string, options: SessionOptions = {}) {
  const name = options.secure ? "__Secure-authjs.session-token" : "authjs.session-token";
  const value = await encode({
    token: {
      email,
      name: email,
      sid: options.sid ?? crypto.randomUUID(),
      authTime: options.authTime ?? Math.floor(Date.now() / 1000),
      ...options.extra,
    },
    secret: VALID_ENV.AUTH_SECRET,
    salt: name,
    maxAge: options.maxAge ?? 3600,
  });
  return { name, value, header: `${name}=${value}` };
}

/** Headers of a request as Next.js hands them on: its normalised x-forwarded-proto, and the stamped peer. */
export function requestHeaders(init: Record<string, string> = {}, secure = false): Headers {
  return new Headers({
    host: "localhost:3100",
    "x-forwarded-proto": secure ? "https" : "http",
    "x-vizport-peer-address": "127.0.0.1",
    ...init,
  });
}

/** A cookie jar over name=value pairs, shaped like next/headers' and NextRequest's. */
export function jar(...cookies: Array<{ name: string; value: string }>) {
  return { getAll: () => cookies };
}
