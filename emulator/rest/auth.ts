/** `X-Tableau-Auth` checks shared by every signed-in REST call: token, expiry, scope, and site. */
import type { EmulatorContext, Session } from "../core/context";
import type { EmuRequest } from "../core/http";
import { lookupSession } from "../core/sessions";
import { restErrors } from "./errors";

export const SCOPES = {
  contentRead: "tableau:content:read",
  viewsDownload: "tableau:views:download",
  usersRead: "tableau:users:read",
} as const;

/** The live REST session for the request, holding `scope` (if given), signed in to the path's site. */
export function requireSession(req: EmuRequest, ctx: EmulatorContext, scope?: string): Session {
  const token = req.headers["x-tableau-auth"];
  if (typeof token !== "string" || token === "") throw restErrors.invalidToken();
  const found = lookupSession(ctx, token, "rest");
  if (found.status === "missing") throw restErrors.invalidToken();
  if (found.status === "expired") throw restErrors.expired();
  const siteId = req.params.siteId;
  // One site per emulator: any other site id names no site (Tableau answers 404 for an unknown site).
  if (siteId !== undefined && siteId !== ctx.site.site.id) throw restErrors.siteNotFound(siteId);
  if (scope && !found.session.identity.scopes.includes(scope)) throw restErrors.missingScope(scope);
  return found.session;
}
