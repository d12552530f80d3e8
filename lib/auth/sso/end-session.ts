/**
 * RP-initiated logout: where to send a person after the portal has ended their session, so the provider ends
 * its own too. Only when the provider's discovery document names an `end_session_endpoint`; the ID token goes
 * along as `id_token_hint`, which lets the provider sign them out without asking "are you sure?". The document
 * is cached for five minutes; a provider that is down is skipped (the portal session is over either way).
 */
import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { shared } from "@/lib/store";

const httpUrl = z.url({ protocol: /^https?$/ });
const discoverySchema = z.object({ issuer: z.string(), end_session_endpoint: httpUrl.optional() });

const CACHE_MS = 5 * 60_000;

async function endSessionEndpoint(issuer: string, timeoutSeconds: number): Promise<string | null> {
  const cache = shared("sso.end-session", () => new Map<string, { url: string | null; until: number }>());
  const hit = cache.get(issuer);
  if (hit && hit.until > Date.now()) return hit.url;
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
    signal: AbortSignal.timeout(timeoutSeconds * 1000),
  });
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  const document = discoverySchema.parse(await response.json());
  if (document.issuer !== issuer) throw new Error("discovery names another issuer");
  const url = document.end_session_endpoint ?? null;
  cache.set(issuer, { url, until: Date.now() + CACHE_MS });
  return url;
}

export type ProviderSignOut = { url: string } | { skipped: "unsupported" | "unreachable" };

/**
 * The provider's sign-out address for this ID token, or why there is none (no SSO or no end_session_endpoint:
 * "unsupported"; the provider cannot be reached: "unreachable"). `returnTo` must be registered at the provider
 * as a post-logout redirect URI.
 */
export async function providerSignOut(idToken: string, returnTo: string): Promise<ProviderSignOut> {
  const { oidc, timeoutSeconds } = getEnv().sso;
  if (!oidc) return { skipped: "unsupported" };
  try {
    const endpoint = await endSessionEndpoint(oidc.issuer, timeoutSeconds);
    if (!endpoint) return { skipped: "unsupported" };
    const url = new URL(endpoint);
    url.searchParams.set("id_token_hint", idToken);
    url.searchParams.set("post_logout_redirect_uri", returnTo);
    url.searchParams.set("client_id", oidc.clientId);
    return { url: url.href };
  } catch (error) {
    logEvent("sso.signout.provider-skipped", {
      reason: error instanceof Error ? error.message : String(error),
    });
    return { skipped: "unreachable" };
  }
}

/** The portal's own origin as the browser sees it, the way Auth.js works it out (trustHost). */
export function requestOrigin(headers: Headers): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host.split(",")[0]?.trim()}`;
}
