/**
 * The catalog for the signed-in portal user: server-only entry that binds the pure pieces to the process-wide
 * REST client and the user's Tableau identity.
 */
import "server-only";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import type { View } from "@/lib/tableau/rest";
import { groupCatalog, limitCatalog, pickViews, type Catalog, type CatalogView } from "./group";
import { loadCachedCatalog } from "./catalog-cache";
import { findView } from "./load";

export {
  groupCatalog,
  limitCatalog,
  pickViews,
  type Catalog,
  type CatalogProject,
  type CatalogView,
  type CatalogWorkbook,
} from "./group";

/** How many views the home page lists unless asked for all of them. */
export const CATALOG_PAGE_VIEWS = 100;

/**
 * The views `email` may see, grouped and searched, at most `limit` of them listed (all when null), and the views
 * of `pick` (Tableau contentUrls, e.g. the recent ones) found among all they may see, listed or not; null when
 * the portal user maps to no Tableau user.
 */
export async function getCatalog(
  email: string,
  query = "",
  limit: number | null = CATALOG_PAGE_VIEWS,
  pick: readonly string[] = [],
): Promise<{ catalog: Catalog; picked: CatalogView[] } | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  const { views, workbooks } = await loadCachedCatalog(getTableauClient(), username);
  const catalog = groupCatalog(views, workbooks, query);
  const everything = query.trim() === "" ? catalog : groupCatalog(views, workbooks);
  const picked = pick.length > 0 ? pickViews(everything, pick) : [];
  return { catalog: limit === null ? catalog : limitCatalog(catalog, limit), picked };
}

/** The view `email` asked for by its URL parts, or null (unknown, or hidden from this user by Tableau). */
export async function getViewForUser(email: string, workbook: string, sheet: string): Promise<View | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  return findView(getTableauClient(), username, workbook, sheet);
}
