/**
 * The catalog for the signed-in portal user: server-only entry that binds the pure pieces to the process-wide
 * REST client and the user's Tableau identity.
 */
import "server-only";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import type { View } from "@/lib/tableau/rest";
import { groupCatalog, type Catalog } from "./group";
import { loadCachedCatalog } from "./catalog-cache";
import { findView } from "./load";

export {
  groupCatalog,
  type Catalog,
  type CatalogProject,
  type CatalogView,
  type CatalogWorkbook,
} from "./group";

/** The views `email` may see, grouped and searched; null when the portal user maps to no Tableau user. */
export async function getCatalog(email: string, query = ""): Promise<Catalog | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  const { views, workbooks } = await loadCachedCatalog(getTableauClient(), username);
  return groupCatalog(views, workbooks, query);
}

/** The view `email` asked for by its URL parts, or null (unknown, or hidden from this user by Tableau). */
export async function getViewForUser(email: string, workbook: string, sheet: string): Promise<View | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  return findView(getTableauClient(), username, workbook, sheet);
}
