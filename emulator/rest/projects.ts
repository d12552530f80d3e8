/** Query Projects. A project visible to site administrators only is listed to them only. */
import { canSeeProject, visibilityClass } from "../core/lookup";
import { SCOPES } from "./auth";
import { projectFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";
import { PROJECT_FIELDS, wireProject } from "./serialize";

export const queryProjects: SessionHandler = (req, ctx, { identity }) => {
  const page = listPage(req, ctx, {
    resource: "projects",
    all: ctx.site.projects,
    defs: projectFieldDefs(),
    fields: PROJECT_FIELDS,
    visibilityKey: visibilityClass(identity.user),
    visible: (p) => canSeeProject(ctx, identity.user, p.id),
    serialize: (p) => wireProject(ctx, p),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    projects: page.items.length ? { project: page.items } : {},
  });
};

export const projectRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/projects",
    since: "2.0",
    name: "Query Projects",
    auth: SCOPES.contentRead,
    handler: queryProjects,
  },
];
