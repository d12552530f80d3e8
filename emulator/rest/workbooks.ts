/** Query Workbooks for Site, Get Workbook, Query Views for Workbook. */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest, Handler } from "../core/http";
import { canSee, visibilityClass, findWorkbookById } from "../core/lookup";
import type { SiteUser, SiteWorkbook } from "../core/site";
import { requireSession, SCOPES } from "./auth";
import { restErrors } from "./errors";
import { workbookFieldDefs } from "./field-defs";
import { respond } from "./format";
import { listPage } from "./list";
import { WORKBOOK_FIELDS, wireView, wireWorkbook } from "./serialize";

export const queryWorkbooks: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.contentRead);
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

export const getWorkbook: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.contentRead);
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const views = workbook.views.map((v) => wireView(ctx, workbook, v));
  return respond(req, 200, { workbook: { ...wireWorkbook(ctx, workbook), views: { view: views } } });
};

export const queryWorkbookViews: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.contentRead);
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const usage = req.url.searchParams.get("includeUsageStatistics") === "true";
  const views = workbook.views.map((v) => ({
    ...wireView(ctx, workbook, v),
    ...(usage ? { usage: { totalViewCount: "0" } } : {}),
  }));
  return respond(req, 200, { views: { view: views } });
};
