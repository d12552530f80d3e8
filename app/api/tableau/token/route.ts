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
import { apiRoute } from "@/lib/http/api-route";
import { isCrossSite } from "@/lib/http/same-origin";
import { BodyTooLargeError, readBodyLimited } from "@/lib/http/body-limit";
import { jsonError, jsonResponse } from "@/lib/http/json-error";
import { describeWait, retryAfterSeconds } from "@/lib/rate-limit/sliding-window";
import { issueEmbedToken } from "@/lib/auth/embed-token";

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

  const issued = await issueEmbedToken(user, requestId, "route");
  if (!issued.ok && issued.code === "RATE_LIMITED") {
    return jsonError(
      429,
      "RATE_LIMITED",
      `Too many dashboard loads in a short time. Try again in ${describeWait(issued.retryAfterMs)}.`,
      { "Retry-After": retryAfterSeconds(issued.retryAfterMs) },
    );
  }
  if (!issued.ok) {
    return jsonError(
      403,
      "NO_TABLEAU_MAPPING",
      `Your portal account (${user.email}) is not linked to a Tableau user, so dashboards cannot be shown. ` +
        "Ask a portal administrator to add a Tableau username for you.",
    );
  }
  // no-transform: a credential is never HTTP-compressed (BREACH-style attacks read secrets from compressed
  // sizes), by this server or a proxy, however many attributes make it long.
  return jsonResponse(
    { token: issued.token, expiresAt: issued.expiresAt.toISOString() },
    { headers: { "Cache-Control": "no-store, no-transform" } },
  );
});
