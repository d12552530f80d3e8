/**
 * POST /api/tableau/token → `{ token, expiresAt }` (Cache-Control: no-store): a Connected App JWT for the
 * signed-in user's own Tableau identity, with the configured embed scopes and lifetime.
 *
 * The request body is ignored: the subject, scopes, attributes and lifetime come only from the session, the
 * directory and the configuration, so a caller cannot ask for anything else.
 * 401 without a session, 403 without a Tableau mapping, 403 for a cross-site request.
 */
import { getCurrentUser } from "@/lib/auth/session";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { isCrossSite } from "@/lib/http/same-origin";
import { jsonError } from "@/lib/http/json-error";
import { logEvent } from "@/lib/log";
import { hashJti, mintConnectedAppToken } from "@/lib/tableau/jwt";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  if (isCrossSite(request)) {
    return jsonError(403, "CROSS_SITE", "Embed tokens are only issued to the portal's own pages.");
  }
  const user = await getCurrentUser();
  if (!user) return jsonError(401, "UNAUTHENTICATED", "Sign in to the portal to view dashboards.");

  const identity = getTableauIdentity(user.email);
  if (!identity) {
    return jsonError(
      403,
      "NO_TABLEAU_MAPPING",
      `Your portal account (${user.email}) is not linked to a Tableau user, so dashboards cannot be shown. ` +
        "Ask a portal administrator to add a Tableau username for you.",
    );
  }

  const env = getEnv();
  const minted = await mintConnectedAppToken(env.tableau, {
    sub: identity.username,
    scopes: env.embedScopes,
    lifetimeSeconds: env.tokenLifetimeSeconds,
    attributes: identity.attributes,
    groups: identity.groups,
  });
  logEvent("token.mint", {
    user: user.email,
    tableauUser: identity.username,
    scopes: env.embedScopes,
    jtiHash: hashJti(minted.jti),
    expiresAt: minted.expiresAt.toISOString(),
  });
  return Response.json(
    { token: minted.token, expiresAt: minted.expiresAt.toISOString() },
    { headers: { "Cache-Control": "no-store" } },
  );
}
