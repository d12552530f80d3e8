/**
 * The current page request's CSP script nonce, which proxy.ts put in the request's Content-Security-Policy
 * header (Next.js reads the same header for its own scripts). For the few inline scripts a page renders itself.
 */
import "server-only";
import { headers } from "next/headers";

export async function requestNonce(): Promise<string | undefined> {
  const csp = (await headers()).get("content-security-policy") ?? "";
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
}
