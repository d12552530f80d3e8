/**
 * Favorites: Add Favorites (PUT, one view, workbook, data source, project or flow, answered with the whole
 * list), Get Favorites for User (paged) and Delete Favorite. A user manages their own favorites (a site
 * administrator anyone's); favoriting needs to see the item. Re-adding an item with the same label changes
 * nothing, a new label renames it, a label another item has is refused.
 */
import { canSee, canSeeProject, findViewById, findWorkbookById, isSiteAdmin } from "../core/lookup";
import type { EmulatorContext, Session } from "../core/context";
import { siteIndex } from "../core/site-index";
import type { EmuRequest } from "../core/http";
import { SCOPES } from "./auth";
import { restErrors, TableauRestError } from "./errors";
import { FAVORITE_TYPES, parseFavoriteBody, type FavoriteType } from "./favorite-body";
import { respond } from "./format";
import { pageOf, parsePaging } from "./paging";
import type { RestRoute, SessionHandler } from "./route";
import { wireView, wireWorkbook } from "./serialize";

export interface StoredFavorite {
  label: string;
  type: FavoriteType;
  id: string;
  addedAt: string;
}

type Wire = Record<string, unknown>;

function ownerOf(req: EmuRequest, ctx: EmulatorContext, session: Session): string {
  const userId = req.params.userId ?? "";
  if (!siteIndex(ctx.site).usersById.has(userId)) throw restErrors.userNotFound(userId);
  const me = session.identity.user;
  if (userId !== me.id && !isSiteAdmin(me))
    throw restErrors.forbidden(
      "Only the user or a site administrator can read or change a user's favorites.",
    );
  return userId;
}

/** The item as Get Favorites shows it, or null when it is gone or the user may not see it. */
function wireItem(ctx: EmulatorContext, userId: string, type: FavoriteType, id: string): Wire | null {
  const user = siteIndex(ctx.site).usersById.get(userId);
  if (!user) return null;
  if (type === "view") {
    const found = findViewById(ctx, id);
    return found && canSee(ctx, user, found.workbook) ? wireView(ctx, found.workbook, found.view) : null;
  }
  if (type === "workbook") {
    const wb = findWorkbookById(ctx, id);
    return wb && canSee(ctx, user, wb) ? wireWorkbook(ctx, wb) : null;
  }
  if (type === "datasource") {
    const ds = ctx.site.datasources.find((d) => d.id === id);
    return ds && canSeeProject(ctx, user, ds.projectId)
      ? { id: ds.id, name: ds.name, contentUrl: ds.contentUrl }
      : null;
  }
  if (type === "project") {
    const p = siteIndex(ctx.site).projectsById.get(id);
    return p && canSeeProject(ctx, user, p.id)
      ? { id: p.id, name: p.name, description: p.description }
      : null;
  }
  return null; // the emulator's site has no flows
}

function notFound(type: FavoriteType, id: string): TableauRestError {
  if (type === "view") return restErrors.viewNotFound(id);
  if (type === "workbook") return restErrors.workbookNotFound(id);
  if (type === "datasource") return restErrors.datasourceNotFound(id);
  if (type === "project") return restErrors.projectNotFound(id);
  return restErrors.notFound(`flows/${id}`);
}

function listOf(ctx: EmulatorContext, userId: string): Wire[] {
  return (ctx.state.favorites.get(userId) ?? []).flatMap((f) => {
    const item = wireItem(ctx, userId, f.type, f.id);
    return item ? [{ label: f.label, addedAt: f.addedAt, [f.type]: item }] : [];
  });
}

const favoritesBody = (items: Wire[]) => (items.length ? { favorite: items } : {});

export const addFavorite: SessionHandler = (req, ctx, session) => {
  const userId = ownerOf(req, ctx, session);
  const wanted = parseFavoriteBody(req.body, req.headers["content-type"]);
  if (!wireItem(ctx, userId, wanted.type, wanted.id)) throw notFound(wanted.type, wanted.id);
  const list = ctx.state.favorites.get(userId) ?? [];
  const clash = list.find((f) => f.label === wanted.label && !(f.type === wanted.type && f.id === wanted.id));
  if (clash)
    throw new TableauRestError("409000", "Conflict", `A favorite labelled '${wanted.label}' already exists.`);
  const same = list.find((f) => f.type === wanted.type && f.id === wanted.id);
  if (same) same.label = wanted.label;
  else list.push({ ...wanted, addedAt: new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, "Z") });
  ctx.state.favorites.set(userId, list);
  return respond(req, 200, { favorites: favoritesBody(listOf(ctx, userId)) });
};

export const getFavorites: SessionHandler = (req, ctx, session) => {
  const userId = ownerOf(req, ctx, session);
  const page = pageOf(listOf(ctx, userId), parsePaging(req.url));
  return respond(req, 200, { pagination: page.pagination, favorites: favoritesBody(page.items) });
};

export const deleteFavorite: SessionHandler = (req, ctx, session) => {
  const userId = ownerOf(req, ctx, session);
  const plural = req.params.type ?? "";
  // Tableau's paths are lower-case plurals; anything else names no item type.
  const type = FAVORITE_TYPES.find((t) => `${t}s` === plural);
  if (!type)
    throw restErrors.badRequest(`'${plural}' is not views, workbooks, datasources, projects or flows.`);
  const id = req.params.itemId ?? "";
  const list = ctx.state.favorites.get(userId) ?? [];
  const index = list.findIndex((f) => f.type === type && f.id === id);
  if (index < 0) throw notFound(type, id);
  list.splice(index, 1);
  return { status: 204, headers: {}, body: "" };
};

export const favoriteRoutes: RestRoute[] = [
  {
    method: "PUT",
    path: "sites/:siteId/favorites/:userId",
    since: "2.0",
    name: "Add Favorites",
    auth: SCOPES.contentRead,
    handler: addFavorite,
  },
  {
    method: "GET",
    path: "sites/:siteId/favorites/:userId",
    since: "2.5",
    name: "Get Favorites for User",
    auth: SCOPES.contentRead,
    handler: getFavorites,
  },
  {
    method: "DELETE",
    path: "sites/:siteId/favorites/:userId/:type/:itemId",
    since: "2.0",
    name: "Delete Favorite",
    auth: SCOPES.contentRead,
    handler: deleteFavorite,
  },
];
