/** Query Workbooks for Site, Get Workbook, Query Views for Workbook, Query Workbook Connections. */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest } from "../core/http";
import { canSee, visibilityClass, findWorkbookById } from "../core/lookup";
import type { SiteUser, SiteWorkbook } from "../core/site";
import { siteIndex } from "../core/site-index";
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { workbookFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";
import { WORKBOOK_FIELDS, wireView, wireWorkbook } from "./serialize";
import { withUsage } from "./usage";

export const queryWorkbooks: SessionHandler = (req, ctx, { identity }) => {
  const page = listPage(req, ctx, {
    resource: "workbooks",
    all: ctx.site.workbooks,
    defs: workbookFieldDefs(ctx),
    fields: WORKBOOK_FIELDS,
    visibilityKey: visibilityClass(identity.user),
    visible: (w) => canSee(ctx, identity.user, w),
    serialize: (w) => wireWorkbook(ctx, w),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    workbooks: page.items.length ? { workbook: page.items } : {},
  });
};

/** The workbook named in the path, if the user may see it; otherwise 404 (existence is not disclosed). */
export function visibleWorkbook(req: EmuRequest, ctx: EmulatorContext, user: SiteUser): SiteWorkbook {
  const id = req.params.workbookId ?? "";
  const workbook = findWorkbookById(ctx, id);
  if (!workbook || !canSee(ctx, user, workbook)) throw restErrors.workbookNotFound(id);
  return workbook;
}

export const getWorkbook: SessionHandler = (req, ctx, { identity }) => {
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const views = workbook.views.map((v) => wireView(ctx, workbook, v));
  return respond(req, 200, { workbook: { ...wireWorkbook(ctx, workbook), views: { view: views } } });
};

export const queryWorkbookViews: SessionHandler = (req, ctx, { identity }) => {
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const views = workbook.views.map((v) => withUsage(req, ctx, v.id, wireView(ctx, workbook, v)));
  return respond(req, 200, { views: { view: views } });
};

/** Each connection to a published data source, as Tableau lists them: type `sqlproxy`, to the server itself. */
export const queryWorkbookConnections: SessionHandler = (req, ctx, { identity }) => {
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const sources = siteIndex(ctx.site).datasourcesById;
  const connections = workbook.connections.map((c) => {
    return {
      datasource: { id: c.datasourceId, name: sources.get(c.datasourceId)?.name ?? "" },
      id: c.id,
      type: "sqlproxy",
      embedPassword: "false",
      serverAddress: "localhost",
      serverPort: "8060",
      userName: "",
      queryTaggingEnabled: "false",
    };
  });
  return respond(req, 200, { connections: connections.length ? { connection: connections } : {} });
};

const read = SCOPES.contentRead;
export const workbookRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/workbooks",
    since: "2.0",
    name: "Query Workbooks for Site",
    auth: read,
    handler: queryWorkbooks,
  },
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId",
    since: "2.0",
    name: "Query Workbook",
    auth: read,
    handler: getWorkbook,
  },
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId/views",
    since: "2.0",
    name: "Query Views for Workbook",
    auth: read,
    handler: queryWorkbookViews,
  },
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId/connections",
    since: "2.0",
    name: "Query Workbook Connections",
    auth: read,
    handler: queryWorkbookConnections,
  },
];
