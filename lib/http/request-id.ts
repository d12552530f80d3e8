/**
 * The current request's id, for audit lines. Pages and server actions get it from proxy.ts, which sets
 * `x-request-id` on their requests; route handlers skip the proxy and get it from apiRoute() (lib/http/api-route.ts),
 * which runs them inside `requestIds()` so code they call (the REST client, Auth.js callbacks) finds it here too.
 * Undefined outside a request.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { shared } from "@/lib/store";

/** One storage for the process: a second bundle copy of this module must see the ids the first one set. */
export function requestIds(): AsyncLocalStorage<string> {
  return shared("http.request-ids", () => new AsyncLocalStorage<string>());
}

export async function currentRequestId(): Promise<string | undefined> {
  const routeId = requestIds().getStore();
  if (routeId) return routeId;
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}
