/** Query Views for Site and Get View, with usage statistics on request. */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest } from "../core/http";
import { canSee, visibilityClass, findViewById } from "../core/lookup";
import type { SiteUser } from "../core/site";
import { siteIndex, type ViewEntry } from "../core/site-index";
import { SCOPES } from "./auth";
import { restErrors } from "./errors";
import { viewFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import type { RestRoute, SessionHandler } from "./route";
import { VIEW_FIELDS, wireView } from "./serialize";
import { withUsage } from "./usage";
import { visibleWorkbook } from "./workbooks";

export const queryViews: SessionHandler = (req, ctx, { identity }) => {
  const page = listPage(req, ctx, {
    resource: "views",
    all: siteIndex(ctx.site).views,
    defs: viewFieldDefs(ctx),
    fields: VIEW_FIELDS,
    visibilityKey: visibilityClass(identity.user),
    visible: (e) => canSee(ctx, identity.user, e.workbook),
    serialize: (e) => wireView(ctx, e.workbook, e.view),
    decorate: (e, wire) => withUsage(req, ctx, e.id, wire),
  });
  return respond(req, 200, {
    pagination: page.pagination,
    views: page.items.length ? { view: page.items } : {},
  });
};

/** The view named in the path (of the path's workbook, when it names one), if the user may see it. */
export function visibleView(req: EmuRequest, ctx: EmulatorContext, user: SiteUser): ViewEntry {
  const id = req.params.viewId ?? "";
  const workbook = req.params.workbookId !== undefined ? visibleWorkbook(req, ctx, user) : null;
  const found = findViewById(ctx, id);
  if (!found || !canSee(ctx, user, found.workbook) || (workbook && found.workbook !== workbook))
    throw restErrors.viewNotFound(id);
  return { id, ...found };
}

export const getView: SessionHandler = (req, ctx, { identity }) => {
  const { workbook, view } = visibleView(req, ctx, identity.user);
  return respond(req, 200, { view: withUsage(req, ctx, view.id, wireView(ctx, workbook, view)) });
};

export const viewRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/views",
    since: "2.2",
    name: "Query Views for Site",
    auth: SCOPES.contentRead,
    handler: queryViews,
  },
  {
    method: "GET",
    path: "sites/:siteId/views/:viewId",
    since: "3.1",
    name: "Get View",
    auth: SCOPES.contentRead,
    handler: getView,
  },
];
