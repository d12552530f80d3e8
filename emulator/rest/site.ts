/** Query Site, and Query Workbooks for User, which Connected App sessions cannot use. */
import type { Handler } from "../core/http";
import { requireSession, SCOPES } from "./auth";
import { restErrors, TableauRestError } from "./errors";
import { respond } from "./format";

/** `GET sites/{id}` or `GET sites/{contentUrl}?key=contentUrl`. */
export const querySite: Handler = (req, ctx) => {
  const byContentUrl = req.url.searchParams.get("key") === "contentUrl";
  const { site } = ctx.site;
  const wanted = req.params.siteId ?? "";
  // Checked here rather than in requireSession, which reads the path segment as an id.
  requireSession({ ...req, params: { ...req.params, siteId: site.id } }, ctx, SCOPES.contentRead);
  if ((byContentUrl ? site.contentUrl : site.id) !== wanted) throw restErrors.siteNotFound(wanted);
  return respond(req, 200, {
    site: {
      id: site.id,
      name: site.name,
      contentUrl: site.contentUrl,
      adminMode: "ContentAndUsers",
      state: "Active",
    },
  });
};

/**
 * Reported to fail under JWT sessions (tableau-reference.md §3), so the emulator refuses it the same way
 * ([?] the emulator's reading): clients should use Query Workbooks for Site as the signed-in user.
 */
export const queryUserWorkbooks: Handler = (req, ctx) => {
  requireSession(req, ctx, SCOPES.contentRead);
  throw new TableauRestError(
    "401002",
    "Unauthorized Access",
    "Query Workbooks for User is not available to Connected App sessions; use Query Workbooks for Site.",
  );
};
