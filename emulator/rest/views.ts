/** Query Views for Site and Get View. */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest, Handler } from "../core/http";
import { canSee, visibilityClass, findViewById } from "../core/lookup";
import type { SiteUser } from "../core/site";
import { siteIndex, type ViewEntry } from "../core/site-index";
import { requireSession, SCOPES } from "./auth";
import { restErrors } from "./errors";
import { viewFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import { VIEW_FIELDS, wireView } from "./serialize";
import { visibleWorkbook } from "./workbooks";

export const queryViews: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.contentRead);
  const page = listPage(req, ctx, {
    resource: "views",
    all: siteIndex(ctx.site).views,
    defs: viewFieldDefs(ctx),
    fields: VIEW_FIELDS,
    visibilityKey: visibilityClass(identity.user),
    visible: (e) => canSee(ctx, identity.user, e.workbook),
    serialize: (e) => wireView(ctx, e.workbook, e.view),
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

export const getView: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.contentRead);
  const { workbook, view } = visibleView(req, ctx, identity.user);
  return respond(req, 200, { view: wireView(ctx, workbook, view) });
};
