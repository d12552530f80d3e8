/**
 * View images (`…/views/{id}/image`) and thumbnails (`…/workbooks/{id}/previewImage`,
 * `…/workbooks/{id}/views/{id}/previewImage`) as real PNGs of the sample data, drawn by emulator/render.
 * The session's attribute claims apply (row-level security), as they do in an embedded viz.
 */
import type { Handler } from "../core/http";
import { renderViewPng } from "../render";
import { requireSession, SCOPES } from "./auth";
import { restErrors } from "./errors";
import { visibleView } from "./views";
import { visibleWorkbook } from "./workbooks";

const PNG = { "content-type": "image/png", "cache-control": "private, max-age=0" };

export const viewImage: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.viewsDownload);
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const params = req.url.searchParams;
  const resolution = params.get("resolution");
  if (resolution !== null && resolution !== "high" && resolution !== "standard")
    throw restErrors.badRequest(`resolution '${resolution}' is not valid: use high.`);
  const maxAge = params.get("maxAge");
  if (maxAge !== null && !/^\d{1,6}$/.test(maxAge))
    throw restErrors.badRequest(`maxAge '${maxAge}' is not valid: use a whole number of minutes.`);
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params)
    if (key.startsWith("vf_") && key.length > 3) filters[key.slice(3)] = value.split(",");
  const scale = resolution === "high" ? 2 : 1;
  const body = renderViewPng(ctx, workbook, view, {
    filters,
    attributes: identity.attributes,
    width: 800 * scale,
    height: 600 * scale,
  });
  return { status: 200, headers: PNG, body };
};

export const viewPreviewImage: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.viewsDownload);
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const body = renderViewPng(ctx, workbook, view, {
    filters: {},
    attributes: identity.attributes,
    width: 320,
    height: 240,
  });
  return { status: 200, headers: PNG, body };
};

export const workbookPreviewImage: Handler = (req, ctx) => {
  const { identity } = requireSession(req, ctx, SCOPES.viewsDownload);
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const view = workbook.views[0];
  if (!view) throw restErrors.viewNotFound(workbook.id);
  const body = renderViewPng(ctx, workbook, view, {
    filters: {},
    attributes: identity.attributes,
    width: 320,
    height: 240,
  });
  return { status: 200, headers: PNG, body };
};
