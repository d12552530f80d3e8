/**
 * View images (`…/views/{id}/image`) and thumbnails (`…/workbooks/{id}/previewImage`,
 * `…/workbooks/{id}/views/{id}/previewImage`) as real PNGs of the sample data, drawn by emulator/render.
 * The session's attribute claims apply (row-level security), as they do in an embedded viz.
 */
import { renderViewPng } from "../render";
import { SCOPES } from "./auth";
import { download } from "./download-response";
import { maxAgeMinutes, viewFilters } from "./download-options";
import { restErrors } from "./errors";
import { cachedRender, cacheKey } from "./render-cache";
import type { RestRoute, SessionHandler } from "./route";
import { visibleView } from "./views";
import { visibleWorkbook } from "./workbooks";

const PNG = "image/png";

export const viewImage: SessionHandler = (req, ctx, { identity }) => {
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const params = req.url.searchParams;
  const resolution = params.get("resolution");
  if (resolution !== null && resolution !== "high" && resolution !== "standard")
    throw restErrors.badRequest(`resolution '${resolution}' is not valid: use high.`);
  const maxAge = maxAgeMinutes(params);
  const filters = viewFilters(params);
  const scale = resolution === "high" ? 2 : 1;
  const key = cacheKey({ kind: "png", id: view.id, options: String(scale), filters, identity });
  const rendered = cachedRender(ctx, key, maxAge, () =>
    renderViewPng(ctx, workbook, view, {
      filters,
      attributes: identity.attributes,
      width: 800 * scale,
      height: 600 * scale,
    }),
  );
  return download(PNG, rendered);
};

export const viewPreviewImage: SessionHandler = (req, ctx, { identity }) => {
  const { workbook, view } = visibleView(req, ctx, identity.user);
  const body = renderViewPng(ctx, workbook, view, {
    filters: {},
    attributes: identity.attributes,
    width: 320,
    height: 240,
  });
  return download(PNG, { body, ageSeconds: null });
};

export const workbookPreviewImage: SessionHandler = (req, ctx, { identity }) => {
  const workbook = visibleWorkbook(req, ctx, identity.user);
  const view = workbook.views[0];
  if (!view) throw restErrors.viewNotFound(workbook.id);
  const body = renderViewPng(ctx, workbook, view, {
    filters: {},
    attributes: identity.attributes,
    width: 320,
    height: 240,
  });
  return download(PNG, { body, ageSeconds: null });
};

const download_ = SCOPES.viewsDownload;
export const imageRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/views/:viewId/image",
    since: "2.5",
    name: "Query View Image",
    auth: download_,
    handler: viewImage,
  },
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId/previewImage",
    since: "2.0",
    name: "Query Workbook Preview Image",
    auth: download_,
    handler: workbookPreviewImage,
  },
  {
    method: "GET",
    path: "sites/:siteId/workbooks/:workbookId/views/:viewId/previewImage",
    since: "2.0",
    name: "Query View Preview Image",
    auth: download_,
    handler: viewPreviewImage,
  },
];
