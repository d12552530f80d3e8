/**
 * Custom views over REST (API 3.18; Delete 3.19): List Custom Views (filter on viewId, workbookId or
 * ownerId, paged), Get Custom View, Get Custom View Image and Delete Custom View. Visibility as Tableau
 * documents it: with no filter a site administrator sees every custom view and a user their own; an ownerId
 * filter gives one's own (an administrator's: anyone's); a viewId or workbookId filter adds the shared ones.
 * The custom view's view must be visible to the caller in every case.
 */
import { canSeeCustomView, removeCustomView, type StoredCustomView } from "../core/custom-views";
import type { EmulatorContext } from "../core/context";
import type { EmuRequest } from "../core/http";
import { findViewById, isSiteAdmin } from "../core/lookup";
import type { SiteUser } from "../core/site";
import { siteIndex } from "../core/site-index";
import { renderViewPng } from "../render";
import { SCOPES } from "./auth";
import { download } from "./download-response";
import { restErrors, TableauRestError } from "./errors";
import { respond } from "./format";
import { pageOf, parsePaging } from "./paging";
import type { RestRoute, SessionHandler } from "./route";

type Filter = { field: "viewId" | "workbookId" | "ownerId"; value: string };
const FILTER_FIELDS = new Set(["viewId", "workbookId", "ownerId"]);

export const customViewNotFound = (id: string) =>
  new TableauRestError("404000", "Resource Not Found", `Custom view '${id}' could not be found.`);

/** `viewId:eq:…,ownerId:eq:…`: only `eq` on the three fields Tableau filters custom views by. */
export function parseCustomViewFilter(raw: string | null): Filter[] {
  if (raw === null || raw === "") return [];
  return raw.split(",").map((part) => {
    const [field, op, ...rest] = part.split(":");
    const value = rest.join(":");
    if (!field || !FILTER_FIELDS.has(field))
      throw restErrors.badFilter(
        `'${field ?? ""}' is not a field of custom views (viewId, workbookId, ownerId).`,
      );
    if (op !== "eq") throw restErrors.badFilter(`'${op ?? ""}' is not valid for ${field}: use eq.`);
    if (!value) throw restErrors.badFilter(`${field} needs a value.`);
    return { field: field as Filter["field"], value };
  });
}

function listed(ctx: EmulatorContext, user: SiteUser, filters: Filter[]): StoredCustomView[] {
  const admin = isSiteAdmin(user);
  const byContent = filters.some((f) => f.field !== "ownerId");
  return [...ctx.state.customViews.byId.values()].filter((cv) => {
    if (!canSeeCustomView(ctx, user, cv)) return false;
    for (const f of filters) if (cv[f.field] !== f.value) return false;
    if (admin) return true;
    return cv.ownerId === user.id || (byContent && cv.shared);
  });
}

export function wireCustomView(ctx: EmulatorContext, cv: StoredCustomView): Record<string, unknown> {
  const found = findViewById(ctx, cv.viewId);
  const owner = siteIndex(ctx.site).usersById.get(cv.ownerId);
  return {
    id: cv.id,
    name: cv.name,
    createdAt: cv.createdAt,
    updatedAt: cv.updatedAt,
    shared: cv.shared,
    view: { id: cv.viewId, name: found?.view.name ?? "" },
    workbook: { id: cv.workbookId, name: found?.workbook.name ?? "" },
    owner: { id: cv.ownerId, name: owner?.name ?? "" },
  };
}

function visibleCustomView(req: EmuRequest, ctx: EmulatorContext, user: SiteUser): StoredCustomView {
  const id = req.params.customViewId ?? "";
  const cv = ctx.state.customViews.byId.get(id);
  if (!cv || !canSeeCustomView(ctx, user, cv)) throw customViewNotFound(id);
  return cv;
}

export const listCustomViews: SessionHandler = (req, ctx, { identity }) => {
  const filters = parseCustomViewFilter(req.url.searchParams.get("filter"));
  const all = listed(ctx, identity.user, filters).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const page = pageOf(all, parsePaging(req.url));
  const items = page.items.map((cv) => wireCustomView(ctx, cv));
  return respond(req, 200, {
    pagination: page.pagination,
    customViews: items.length ? { customView: items } : {},
  });
};

export const getCustomView: SessionHandler = (req, ctx, { identity }) =>
  respond(req, 200, { customView: wireCustomView(ctx, visibleCustomView(req, ctx, identity.user)) });

/** The view drawn with the custom view's filters and parameters, within the caller's row-level security. */
export const customViewImage: SessionHandler = (req, ctx, { identity }) => {
  const cv = visibleCustomView(req, ctx, identity.user);
  const found = findViewById(ctx, cv.viewId);
  if (!found) throw customViewNotFound(cv.id);
  const resolution = req.url.searchParams.get("resolution");
  if (resolution !== null && resolution !== "high" && resolution !== "standard")
    throw restErrors.badRequest(`resolution '${resolution}' is not valid: use high.`);
  const scale = resolution === "high" ? 2 : 1;
  const body = renderViewPng(ctx, found.workbook, found.view, {
    filters: cv.filters,
    parameters: cv.parameters,
    attributes: identity.attributes,
    width: 800 * scale,
    height: 600 * scale,
  });
  return download("image/png", { body, ageSeconds: null });
};

export const deleteCustomView: SessionHandler = (req, ctx, { identity }) => {
  const cv = visibleCustomView(req, ctx, identity.user);
  if (cv.ownerId !== identity.user.id && !isSiteAdmin(identity.user))
    throw restErrors.forbidden("Only the custom view's owner or a site administrator can delete it.");
  removeCustomView(ctx, cv.id);
  return { status: 204, headers: {}, body: "" };
};

export const customViewRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "sites/:siteId/customviews",
    since: "3.18",
    name: "List Custom Views",
    auth: SCOPES.contentRead,
    handler: listCustomViews,
  },
  {
    method: "GET",
    path: "sites/:siteId/customviews/:customViewId",
    since: "3.18",
    name: "Get Custom View",
    auth: SCOPES.contentRead,
    handler: getCustomView,
  },
  {
    method: "GET",
    path: "sites/:siteId/customviews/:customViewId/image",
    since: "3.18",
    name: "Get Custom View Image",
    auth: SCOPES.viewsDownload,
    handler: customViewImage,
  },
  {
    method: "DELETE",
    path: "sites/:siteId/customviews/:customViewId",
    since: "3.19",
    name: "Delete Custom View",
    auth: SCOPES.contentRead,
    handler: deleteCustomView,
  },
];
