/**
 * Query Jobs: the emulator runs no background jobs (no extract refreshes, no publishing), so the list is
 * always empty, in Tableau's shape and with its paging, filter and sort checks. Site administrators only.
 */
import { isSiteAdmin } from "../core/lookup";
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { jobFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";

const NO_FIELDS = { defaults: [], all: [] };

export const queryJobs: SessionHandler = (req, ctx, { identity }) => {
  if (!isSiteAdmin(identity.user)) throw restErrors.forbidden("Query Jobs is for site administrators.");
  const page = listPage(req, ctx, {
    resource: "jobs",
    all: [],
    defs: jobFieldDefs(),
    fields: NO_FIELDS,
    visibilityKey: "admin",
    visible: () => true,
    serialize: (job) => job,
  });
  return respond(req, 200, { pagination: page.pagination, backgroundJobs: {} });
};

export const jobRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/jobs",
    since: "3.1",
    name: "Query Jobs",
    auth: SCOPES.jobsRead,
    handler: queryJobs,
  },
];
