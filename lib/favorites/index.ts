/**
 * The signed-in portal user's favorites, kept in Tableau (REST favorites as their Tableau user), so a star set
 * here shows in Tableau too. Server-only: binds the REST client to the user's Tableau identity.
 */
import "server-only";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import type { CatalogView } from "@/lib/catalog";

/** The user's favorite views as tiles, in Tableau's order; null when the user maps to no Tableau user. */
export async function getFavoriteViews(email: string): Promise<CatalogView[] | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  const favorites = await getTableauClient().listFavoriteViews(username);
  return favorites.map(({ label, view }) => ({
    id: view.id,
    name: label || view.name,
    sheetType: view.sheetType,
    path: `/views/${encodeURIComponent(view.workbookContentUrl)}/${encodeURIComponent(view.sheetUrl)}`,
    thumbnailUrl: `/api/thumbnails/${encodeURIComponent(view.workbookId)}/${encodeURIComponent(view.id)}`,
  }));
}

/** The ids of the user's favorite views: empty for a user with no Tableau mapping. */
export async function getFavoriteViewIds(email: string): Promise<Set<string>> {
  return new Set(((await getFavoriteViews(email)) ?? []).map((v) => v.id));
}
