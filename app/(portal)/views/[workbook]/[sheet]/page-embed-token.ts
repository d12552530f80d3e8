/**
 * The embed token the view page's server render mints for its first viz, so the viz is in the server HTML with
 * its token and starts before hydration. Minted by the same function as the token route's (the user's own
 * mapping, scopes, lifetime, per-user limit, audit line); the page's HTML is `no-store`. None for a router
 * prefetch (nobody would spend it) or when the mint is refused: the viz then asks the token route, which says
 * why to the user.
 */
import "server-only";
import { headers } from "next/headers";
import type { PortalUser } from "@/lib/auth/session";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { issueEmbedToken } from "@/lib/auth/embed-token";

export async function pageEmbedToken(user: PortalUser): Promise<string | undefined> {
  if ((await headers()).get("next-router-prefetch")) return undefined;
  const requestId = await currentRequestId();
  try {
    const issued = await issueEmbedToken(user, requestId, "page");
    return issued.ok ? issued.token : undefined;
  } catch (error) {
    logEvent("token.page_mint_error", {
      requestId,
      user: user.email,
      code: error instanceof Error && "code" in error ? String(error.code) : "UNKNOWN",
    });
    return undefined;
  }
}
