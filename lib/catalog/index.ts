/**
 * The catalog for the signed-in portal user: server-only entry that binds the pure pieces to the process-wide
 * REST client and the user's Tableau identity.
 */
import "server-only";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import {
  groupCatalog,
  limitCatalog,
  pickViews,
  type Catalog,
  type CatalogView,
  type CatalogViewSource,
} from "./group";
import { findListedView, loadCachedCatalog, type CachedCatalog } from "./catalog-cache";

export {
  groupCatalog,
  limitCatalog,
  listedViews,
  pickViews,
  type Catalog,
  type CatalogProject,
  type CatalogView,
  type CatalogViewSource,
  type CatalogWorkbook,
} from "./group";

/** Searches remembered per cached listing: the home page's own ("") and the latest few typed. */
const GROUPINGS_PER_LISTING = 8;
const groupings = new WeakMap<object, Map<string, Catalog>>();

/**
 * The listing grouped for `query`, computed once per cached listing and search: the cache hands out the same
 * listing object until it expires, and grouping a large site's views (sorting, matching) costs more than
 * rendering its first page. Cached catalogs are never changed in place (limitCatalog copies).
 */
function grouped(listing: CachedCatalog, query: string): Catalog {
  let byQuery = groupings.get(listing);
  if (!byQuery) groupings.set(listing, (byQuery = new Map()));
  const key = query.trim().toLowerCase();
  const hit = byQuery.get(key);
  if (hit) return hit;
  const catalog = groupCatalog(listing.views, listing.workbooks, query);
  if (byQuery.size >= GROUPINGS_PER_LISTING) byQuery.delete(byQuery.keys().next().value ?? "");
  byQuery.set(key, catalog);
  return catalog;
}

/** How many views the home page lists unless asked for all of them. */
export const CATALOG_PAGE_VIEWS = 100;

/**
 * The views `email` may see, grouped and searched, at most `limit` of them listed (all when null), all of them
 * unsearched (`everything`, to find a saved view's own view), and the views
 * of `pick` (Tableau contentUrls, e.g. the recent ones) found among all they may see, listed or not; null when
 * the portal user maps to no Tableau user.
 */
export async function getCatalog(
  email: string,
  query = "",
  limit: number | null = CATALOG_PAGE_VIEWS,
  pick: readonly string[] = [],
): Promise<{ catalog: Catalog; everything: Catalog; picked: CatalogView[] } | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  const listing = await loadCachedCatalog(getTableauClient(), username);
  const catalog = grouped(listing, query);
  const everything = grouped(listing, "");
  const picked = pick.length > 0 ? pickViews(everything, pick) : [];
  return { catalog: limit === null ? catalog : limitCatalog(catalog, limit), everything, picked };
}

/** The view `email` asked for by its URL parts, or null (unknown, or hidden from this user by Tableau). */
export async function getViewForUser(
  email: string,
  workbook: string,
  sheet: string,
): Promise<CatalogViewSource | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  return findListedView(getTableauClient(), username, workbook, sheet);
}
