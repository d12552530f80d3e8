/**
 * Stands in for `next/headers` in unit tests of server actions and pages' helpers: the request's headers and
 * cookie jar are whatever the test set with `setRequest`, and cookies the code sets are kept for it to read.
 *   vi.mock("next/headers", () => import("../../test/next-headers"));
 */
import { requestHeaders } from "./portal-env";

interface Jar {
  get(name: string): { name: string; value: string } | undefined;
  getAll(): Array<{ name: string; value: string }>;
  has(name: string): boolean;
  set(name: string, value: string, options?: unknown): void;
  delete(name: string): void;
}

let current = { headers: requestHeaders(), cookies: new Map<string, string>() };

export function setRequest(init: { headers?: Headers; cookies?: Record<string, string> } = {}): void {
  current = {
    headers: init.headers ?? requestHeaders(),
    cookies: new Map(Object.entries(init.cookies ?? {})),
  };
}

/** The cookies as the code left them (sign-in sets the session cookie here). */
export function currentCookies(): Map<string, string> {
  return current.cookies;
}

export async function headers(): Promise<Headers> {
  return current.headers;
}

export async function cookies(): Promise<Jar> {
  const map = current.cookies;
  return {
    get: (name) => (map.has(name) ? { name, value: map.get(name) ?? "" } : undefined),
    getAll: () => [...map].map(([name, value]) => ({ name, value })),
    has: (name) => map.has(name),
    set: (name, value) => void map.set(name, value),
    delete: (name) => void map.delete(name),
  };
}
