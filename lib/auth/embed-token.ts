/**
 * Issues an embed token to the signed-in portal user, for their own Tableau mapping only: the one place the
 * token route and the view page's server render mint one, so both apply the same per-user limit, subject,
 * attributes, groups, scopes and lifetime, and leave the same audit line (a hash of the jti, never the token).
 */
import "server-only";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { hashJti, mintConnectedAppToken } from "@/lib/tableau/jwt";
import type { PortalUser } from "./session";
import { takeTokenRequest } from "./sign-in-limits";

export type EmbedTokenIssue =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; code: "RATE_LIMITED"; retryAfterMs: number }
  | { ok: false; code: "NO_TABLEAU_MAPPING" };

/** `via` says which door asked (the token route or a page's server render), for the audit line. */
export async function issueEmbedToken(
  user: PortalUser,
  requestId: string | undefined,
  via: "route" | "page",
): Promise<EmbedTokenIssue> {
  const limit = await takeTokenRequest(user.email);
  if (!limit.allowed) {
    logEvent("token.rate_limited", { requestId, user: user.email, via });
    return { ok: false, code: "RATE_LIMITED", retryAfterMs: limit.retryAfterMs };
  }
  const identity = await getTableauIdentity(user.email);
  if (!identity) return { ok: false, code: "NO_TABLEAU_MAPPING" };

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
    via,
  });
  return { ok: true, token: minted.token, expiresAt: minted.expiresAt };
}
