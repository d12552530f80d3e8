/**
 * POST /api/tableau/token → `{ token, expiresAt }` (Cache-Control: no-store): a Connected App JWT for the
 * signed-in user's own Tableau identity, with the configured embed scopes and lifetime.
 *
 * The request body is ignored: the subject, scopes, attributes and lifetime come only from the session, the
 * directory and the configuration, so a caller cannot ask for anything else.
 * 401 without a session, 403 without a Tableau mapping, 403 for a cross-site request, 413 for a body over 4 kB
 * (nothing is read from it, so nothing large is accepted), 429 with Retry-After past the per-user limit.
 */
import { getCurrentUser } from "@/lib/auth/session";
import { takeTokenRequest } from "@/lib/auth/sign-in-limits";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { isCrossSite } from "@/lib/http/same-origin";
import { BodyTooLargeError, readBodyLimited } from "@/lib/http/body-limit";
import { jsonError, jsonResponse } from "@/lib/http/json-error";
import { logEvent } from "@/lib/log";
import { describeWait, retryAfterSeconds } from "@/lib/rate-limit/sliding-window";
import { hashJti, mintConnectedAppToken } from "@/lib/tableau/jwt";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4096;

export const POST = apiRoute(async (request: Request, _context: unknown, requestId: string) => {
  if (isCrossSite(request)) {
    return jsonError(403, "CROSS_SITE", "Embed tokens are only issued to the portal's own pages.");
  }
  try {
    await readBodyLimited(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return jsonError(413, error.code, error.message);
    return jsonError(400, "BAD_BODY", "The request body could not be read.");
  }
  const user = await getCurrentUser(request);
  if (!user) return jsonError(401, "UNAUTHENTICATED", "Sign in to the portal to view dashboards.");

  const limit = await takeTokenRequest(user.email);
  if (!limit.allowed) {
    logEvent("token.rate_limited", { requestId, user: user.email });
    return jsonError(
      429,
      "RATE_LIMITED",
      `Too many dashboard loads in a short time. Try again in ${describeWait(limit.retryAfterMs)}.`,
      { "Retry-After": retryAfterSeconds(limit.retryAfterMs) },
    );
  }

  const identity = await getTableauIdentity(user.email);
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
    requestId,
    user: user.email,
    tableauUser: identity.username,
    scopes: env.embedScopes,
    jtiHash: hashJti(minted.jti),
    expiresAt: minted.expiresAt.toISOString(),
  });
  // no-transform: a credential is never HTTP-compressed (BREACH-style attacks read secrets from compressed
  // sizes), by this server or a proxy, however many attributes make it long.
  return jsonResponse(
    { token: minted.token, expiresAt: minted.expiresAt.toISOString() },
    { headers: { "Cache-Control": "no-store, no-transform" } },
  );
});
