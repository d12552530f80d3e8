/**
 * `/t/{site}/views/{workbook}/{sheet}` and `/views/{workbook}/{sheet}`: the view page for a signed-in embed
 * session, and the same path with `.svg`, `.png` or `.pdf` for the chart alone (the page's redraws and
 * exports), or `.csv`, `.xlsx`, `.pptx`, `.json` for its data and slides (view-exports.ts). Order of checks: site, session, content, permission, so that without a session nothing about the
 * site's content is revealed.
 */
import type { EmulatorContext, Session } from "../core/context";
import type { EmuRequest, EmuResponse } from "../core/http";
import { canSee, findViewBySheetUrl, findWorkbookByContentUrl } from "../core/lookup";
import { parameterValues } from "../core/parameters";
import { getSession } from "../core/sessions";
import { recordViewLoad } from "../core/usage";
import {
  buildViewModel,
  fieldDomain,
  FIELDS,
  renderChartSvg,
  renderViewPng,
  securityFilters,
} from "../render";
import { renderViewPdf } from "../render/pdf";
import { chooseCustomView } from "./custom-view-page";
import { embedOrigins } from "./origins";
import { noticePage } from "./pages";
import { pageOptions, queryFilters } from "./query";
import { SESSION_COOKIE } from "./signin";
import { exportResponse, isExportFormat, type ExportFormat } from "./view-exports";
import { viewPage } from "./view-page";

type Format = "html" | "svg" | "png" | "pdf" | ExportFormat;

function splitFormat(sheet: string): { sheetUrl: string; format: Format } {
  const m = /^(.*)\.(svg|png|pdf|csv|xlsx|pptx|json)$/.exec(sheet);
  return m ? { sheetUrl: m[1]!, format: m[2] as Format } : { sheetUrl: sheet, format: "html" };
}

function plain(status: number, text: string): EmuResponse {
  return {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    body: text,
  };
}

function notFound(format: Format, what: string): EmuResponse {
  if (format !== "html") return plain(404, `${what} was not found.`);
  return noticePage(
    404,
    "Page not found",
    `${what} was not found. Check the address, or ask the workbook's owner.`,
    {
      page: "notfound",
    },
  );
}

export function handleView(req: EmuRequest, ctx: EmulatorContext): EmuResponse {
  const siteUrl = req.params.site ?? "";
  const { sheetUrl, format } = splitFormat(req.params.sheet ?? "");
  const allowedOrigins = embedOrigins(ctx);
  if (siteUrl !== ctx.site.site.contentUrl) {
    const where = siteUrl ? `The site "${siteUrl}"` : "The default site";
    return notFound(format, `${where} (this server hosts /t/${ctx.site.site.contentUrl}/…)`);
  }
  const cookie = req.cookies[SESSION_COOKIE];
  const session: Session | null = cookie ? getSession(ctx, cookie, "embed") : null;
  if (!session) {
    if (format !== "html") return plain(401, "Sign in to see this view.");
    return noticePage(
      200,
      "Sign in to Tableau",
      "This view needs a Tableau session. Open it from your portal, which signs you in with a Connected App token; no data is shown until then.",
      { page: "signin" },
      { allowedOrigins },
    );
  }
  const workbook = findWorkbookByContentUrl(ctx, req.params.workbook ?? "");
  const view = workbook ? findViewBySheetUrl(workbook, sheetUrl) : null;
  if (!workbook || !view) return notFound(format, `The view "${req.params.workbook ?? ""}/${sheetUrl}"`);
  const { user, attributes } = session.identity;
  if (!canSee(ctx, user, workbook)) {
    if (format !== "html") return plain(403, "You don't have permission to see this view.");
    return noticePage(
      403,
      "Permission required",
      `You don't have permission to access this view. Signed in as ${user.name}: ask the workbook's owner or your site administrator for access.`,
      { page: "denied" },
      { allowedOrigins },
    );
  }
  // Only the page itself opens a custom view: its redraws and exports send their filters in the query.
  const choice =
    format === "html"
      ? chooseCustomView(ctx, user, view, req.params.customViewId, req.url.searchParams)
      : ({ kind: "none", query: req.url.searchParams } as const);
  if (choice.kind === "missing")
    return noticePage(
      404,
      "Custom view not found",
      `This custom view does not exist, or it is not shared with ${user.name}. Ask its owner to share it, or open the view itself.`,
      { page: "notfound" },
      { allowedOrigins },
    );
  const query = choice.query;
  const filters = queryFilters(query);
  const size = (name: string) => {
    const n = Number(req.url.searchParams.get(name) ?? NaN);
    return Number.isFinite(n) ? n : undefined;
  };
  const parameters = parameterValues(workbook.parameters, query);
  const opts = { filters, attributes, parameters, width: size(":w"), height: size(":h") };
  if (isExportFormat(format)) return exportResponse(format, ctx, workbook, view, opts, req.url.searchParams);
  if (format === "svg") {
    return {
      status: 200,
      headers: {
        "content-type": "image/svg+xml; charset=utf-8",
        "cache-control": "no-store",
        // The view page reads the values the server settled on (clamped, snapped, alias matched) from here.
        "x-emulator-parameters": encodeURIComponent(JSON.stringify(parameters)),
      },
      body: renderChartSvg(ctx.site, workbook, view, opts),
    };
  }
  if (format === "png") {
    return {
      status: 200,
      headers: { "content-type": "image/png", "cache-control": "no-store" },
      body: renderViewPng(ctx, workbook, view, opts),
    };
  }
  if (format === "pdf") {
    return {
      status: 200,
      headers: {
        "content-type": "application/pdf",
        "cache-control": "no-store",
        "content-disposition": `attachment; filename="${view.sheetUrl}.pdf"`,
      },
      body: renderViewPdf(ctx, workbook, view, opts),
    };
  }
  recordViewLoad(ctx, view.id);
  const model = buildViewModel(ctx.site, workbook, view, opts);
  const domains = Object.fromEntries(FIELDS.map((f) => [f, fieldDomain(ctx.site.orders, f)]));
  const basePath = siteUrl
    ? `/t/${encodeURIComponent(siteUrl)}/views/${encodeURIComponent(workbook.contentUrl)}`
    : `/views/${encodeURIComponent(workbook.contentUrl)}`;
  return viewPage({
    workbook,
    view,
    user,
    basePath,
    publicUrl: new URL(ctx.config.publicUrl).origin,
    svg: renderChartSvg(ctx.site, workbook, view, opts),
    filters: model.filters,
    parameters,
    security: securityFilters(ctx.site.orders, attributes),
    domains,
    options: pageOptions(req.url.searchParams, workbook.showTabs),
    customView: choice.kind === "custom" ? choice.customView : null,
    allowedOrigins,
    frameAncestors: allowedOrigins.includes("*") ? "*" : ["'self'", ...allowedOrigins].join(" "),
  });
}
