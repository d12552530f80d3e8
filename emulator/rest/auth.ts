/** `X-Tableau-Auth` checks shared by every signed-in REST call: token, expiry, site, and scope. */
import type { EmulatorContext, Session } from "../core/context";
import type { EmuRequest } from "../core/http";
import { restErrors } from "./errors";
import { lookupSession } from "../core/sessions";

/** The JWT scopes REST methods need when the session came from a Connected App (README.md lists which). */
export const SCOPES = {
  contentRead: "tableau:content:read",
  viewsDownload: "tableau:views:download",
  usersRead: "tableau:users:read",
  groupsRead: "tableau:groups:read",
  permissionsRead: "tableau:permissions:read",
  jobsRead: "tableau:jobs:read",
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export interface SessionNeed {
  scope?: Scope;
  /** False for Query Site, whose path segment may be a name or contentUrl rather than the site's id. */
  siteInPath?: boolean;
}

/** The live REST session for the request, signed in to the path's site, holding the scope (if any). */
export function requireSession(req: EmuRequest, ctx: EmulatorContext, need: SessionNeed = {}): Session {
  const token = req.headers["x-tableau-auth"];
  if (typeof token !== "string" || token === "") throw restErrors.invalidToken();
  const found = lookupSession(ctx, token, "rest");
  if (found.status === "missing") throw restErrors.invalidToken();
  if (found.status === "expired") throw restErrors.expired();
  const siteId = req.params.siteId;
  // One site per emulator: any other site id names no site (Tableau answers 404 for an unknown site).
  if ((need.siteInPath ?? true) && siteId !== undefined && siteId !== ctx.site.site.id)
    throw restErrors.siteNotFound(siteId);
  if (need.scope && !found.session.identity.scopes.includes(need.scope))
    throw restErrors.missingScope(need.scope);
  return found.session;
}
