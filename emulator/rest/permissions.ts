/**
 * Query Workbook Permissions and Query Project Permissions, showing the emulator's own permission model as
 * Tableau would write it: a project open to everyone grants the All Users group read access (and its
 * workbooks the viewer capabilities); a project for site administrators only (Finance) denies All Users the
 * same capabilities, since site administrators need no grant. Workbooks take their project's rules.
 */
import type { EmulatorContext } from "../core/context";
import { canSeeProject } from "../core/lookup";
import type { Project } from "../core/site";
import { siteIndex } from "../core/site-index";
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { respond } from "./format";
import type { RestRoute, SessionHandler } from "./route";
import { projectOwnerId } from "./serialize";
import { visibleWorkbook } from "./workbooks";

const PROJECT_CAPABILITIES = ["Read"];
const WORKBOOK_CAPABILITIES = [
  "AddComment",
  "ExportData",
  "ExportImage",
  "Filter",
  "Read",
  "ShareView",
  "ViewComments",
  "ViewUnderlyingData",
];

/** The rules a project's visibility stands for; none when the site has no All Users group. */
function rules(ctx: EmulatorContext, project: Project | undefined, capabilities: readonly string[]) {
  const everyone = ctx.site.groups.find((g) => g.allUsers);
  if (!everyone || !project) return {};
  const mode = project.visibleTo === "all" ? "Allow" : "Deny";
  return {
    granteeCapabilities: [
      {
        group: { id: everyone.id },
        capabilities: { capability: capabilities.map((name) => ({ name, mode })) },
      },
    ],
  };
}

export const workbookPermissions: SessionHandler = (req, ctx, { identity }) => {
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const project = siteIndex(ctx.site).projectsById.get(workbook.projectId);
  return respond(req, 200, {
    permissions: {
      workbook: { id: workbook.id, name: workbook.name, owner: { id: workbook.ownerId } },
      ...rules(ctx, project, WORKBOOK_CAPABILITIES),
    },
  });
};

export const projectPermissions: SessionHandler = (req, ctx, { identity }) => {
  const id = req.params.projectId ?? "";
  const project = siteIndex(ctx.site).projectsById.get(id);
  if (!project || !canSeeProject(ctx, identity.user, project.id)) throw restErrors.projectNotFound(id);
  return respond(req, 200, {
    permissions: {
      project: { id: project.id, name: project.name, owner: { id: projectOwnerId(ctx) } },
      ...rules(ctx, project, PROJECT_CAPABILITIES),
    },
  });
};

export const permissionRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId/permissions",
    since: "2.0",
    name: "Query Workbook Permissions",
    auth: SCOPES.permissionsRead,
    handler: workbookPermissions,
  },
  {
    method: "GET",
    path: "sites/:siteId/projects/:projectId/permissions",
    since: "2.0",
    name: "Query Project Permissions",
    auth: SCOPES.permissionsRead,
    handler: projectPermissions,
  },
];
