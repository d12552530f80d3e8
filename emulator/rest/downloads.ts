/**
 * Download View PDF, Download View Data (CSV), Download View Crosstab Excel and Download Workbook PDF. Each
 * takes `vf_` filters and `maxAge`, draws the signed-in user's rows only (row-level security from the JWT's
 * attribute claims), and reuses the renderers the view pages use.
 */
import type { EmulatorContext, JwtIdentity } from "../core/context";
import { renderViewPdf, renderWorkbookPdf } from "../render/pdf";
import { tableCsv, viewTable } from "../render/table";
import { tableXlsx, XLSX_TYPE } from "../render/xlsx";
import type { SiteView, SiteWorkbook } from "../core/site";
import type { EmuRequest } from "../core/http";
import { SCOPES } from "./auth";
import { maxAgeMinutes, pdfPage, viewFilters } from "./download-options";
import { download } from "./download-response";
import { restErrors } from "./errors";
import { cachedRender, cacheKey } from "./render-cache";
import type { RestRoute, SessionHandler } from "./route";
import { visibleView } from "./views";
import { visibleWorkbook } from "./workbooks";

interface Rendering {
  kind: string;
  id: string;
  options?: string;
  render: (opts: { filters: Record<string, string[]>; attributes: JwtIdentity["attributes"] }) => Buffer;
}

/** Parses the shared parameters, then renders through the `maxAge` cache. */
function rendered(req: EmuRequest, ctx: EmulatorContext, identity: JwtIdentity, r: Rendering) {
  const params = req.url.searchParams;
  const maxAge = maxAgeMinutes(params);
  const filters = viewFilters(params);
  const key = cacheKey({ kind: r.kind, id: r.id, options: r.options ?? "", filters, identity });
  return cachedRender(ctx, key, maxAge, () => r.render({ filters, attributes: identity.attributes }));
}

function table(workbook: SiteWorkbook, view: SiteView) {
  return (ctx: EmulatorContext, opts: Parameters<Rendering["render"]>[0]) => {
    const t = viewTable(ctx.site, workbook, view, opts);
    // Only a dashboard without worksheets has no table; Tableau exports nothing for it either.
    if (!t) throw restErrors.badRequest(`View '${view.id}' has no worksheet to export.`);
    return t;
  };
}

export const viewPdf: SessionHandler = (req, ctx, { identity }) => {
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const page = pdfPage(req.url.searchParams);
  const out = rendered(req, ctx, identity, {
    kind: "pdf",
    id: view.id,
    options: page.key,
    render: (opts) => renderViewPdf(ctx, workbook, view, opts, page.size),
  });
  return download("application/pdf", out, `${view.sheetUrl}.pdf`);
};

export const viewData: SessionHandler = (req, ctx, { identity }) => {
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const toTable = table(workbook, view);
  const out = rendered(req, ctx, identity, {
    kind: "csv",
    id: view.id,
    render: (opts) => Buffer.from(tableCsv(toTable(ctx, opts)), "utf8"),
  });
  return download("text/csv; charset=utf-8", out, `${view.sheetUrl}.csv`);
};

export const viewCrosstabExcel: SessionHandler = (req, ctx, { identity }) => {
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const toTable = table(workbook, view);
  const out = rendered(req, ctx, identity, {
    kind: "xlsx",
    id: view.id,
    render: (opts) => tableXlsx(toTable(ctx, opts)),
  });
  return download(XLSX_TYPE, out, `${view.sheetUrl}.xlsx`);
};

/** Every view when the workbook shows tabs, else its first (default) view, as Tableau's Python client says. */
export const workbookPdf: SessionHandler = (req, ctx, { identity }) => {
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const views = workbook.showTabs ? workbook.views : workbook.views.slice(0, 1);
  const page = pdfPage(req.url.searchParams);
  const out = rendered(req, ctx, identity, {
    kind: "workbook-pdf",
    id: workbook.id,
    options: page.key,
    render: (opts) => renderWorkbookPdf(ctx, workbook, views, opts, page.size),
  });
  return download("application/pdf", out, `${workbook.contentUrl}.pdf`);
};

const auth = SCOPES.viewsDownload;
export const downloadRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/views/:viewId/pdf",
    since: "2.7",
    name: "Download View PDF",
    auth,
    handler: viewPdf,
  },
  {
    method: "GET",
    path: "sites/:siteId/views/:viewId/data",
    since: "2.7",
    name: "Download View Data",
    auth,
    handler: viewData,
  },
  {
    method: "GET",
    path: "sites/:siteId/views/:viewId/crosstab/excel",
    since: "3.8",
    name: "Download View Crosstab Excel",
    auth,
    handler: viewCrosstabExcel,
  },
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId/pdf",
    since: "3.4",
    name: "Download Workbook PDF",
    auth,
    handler: workbookPdf,
  },
];
