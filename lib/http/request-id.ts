/**
 * The current request's id (proxy.ts sets `x-request-id` on every request), for audit lines written by server
 * actions and components that have no Request object at hand. Undefined outside a request.
 */
import "server-only";
import { headers } from "next/headers";

export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    return undefined;
  }
}
