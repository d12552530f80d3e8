/**
 * Favorites of the signed-in user, stored in Tableau so they follow the person into Tableau itself: Get Favorites
 * for User (paged), Add Favorites (a view, with a label) and Delete Favorite. Only views are read back; a
 * favorite workbook or project made in Tableau is kept there and left out here.
 */
import { z } from "zod";
import { TableauUnavailableError } from "../errors";
import { withSession, type RestContext } from "./context";
import { sendJson } from "./http";
import { reshapeView } from "./reshape";
import type { View } from "./types";
import { paginationSchema, wireViewSchema } from "./wire";

export interface FavoriteView {
  label: string;
  view: View;
}

const favoriteSchema = z.object({ label: z.string(), view: wireViewSchema.optional() }).passthrough();
const favoritesSchema = z.object({
  pagination: paginationSchema.optional(),
  // `{}` when there are none, and a lone favorite may come as an object rather than a one-item list.
  favorites: z.object({ favorite: z.union([z.array(favoriteSchema), favoriteSchema]).optional() }).optional(),
});

const PAGE_SIZE = 100;
/** Favorites are a short list by nature; past this many pages the rest is not shown rather than waited for. */
const MAX_PAGES = 10;

function parse(body: unknown, what: string) {
  const parsed = favoritesSchema.safeParse(body);
  if (!parsed.success)
    throw new TableauUnavailableError(
      "tableau_bad_response",
      `Tableau's answer to ${what} did not have the expected shape.`,
      {
        cause: parsed.error,
      },
    );
  const raw = parsed.data.favorites?.favorite ?? [];
  return { pagination: parsed.data.pagination, items: Array.isArray(raw) ? raw : [raw] };
}

export async function listFavoriteViews(ctx: RestContext, username: string): Promise<FavoriteView[]> {
  return withSession(ctx, username, async (s) => {
    const out: FavoriteView[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      ctx.counters.requests++;
      const body = await sendJson(ctx.http, {
        method: "GET",
        path: `/sites/${s.siteId}/favorites/${encodeURIComponent(s.userId)}`,
        query: { pageSize: PAGE_SIZE, pageNumber: page },
        token: s.token,
      });
      const { pagination, items } = parse(body, "Get Favorites for User");
      for (const f of items) if (f.view) out.push({ label: f.label, view: reshapeView(f.view) });
      if (!pagination || page * PAGE_SIZE >= pagination.totalAvailable) break;
    }
    return out;
  });
}

export async function addFavoriteView(
  ctx: RestContext,
  username: string,
  viewId: string,
  label: string,
): Promise<void> {
  await withSession(ctx, username, async (s) => {
    ctx.counters.requests++;
    await sendJson(ctx.http, {
      method: "PUT",
      path: `/sites/${s.siteId}/favorites/${encodeURIComponent(s.userId)}`,
      token: s.token,
      body: { favorite: { label, view: { id: viewId } } },
    });
  });
}

export async function removeFavoriteView(ctx: RestContext, username: string, viewId: string): Promise<void> {
  await withSession(ctx, username, async (s) => {
    ctx.counters.requests++;
    await sendJson(ctx.http, {
      method: "DELETE",
      path: `/sites/${s.siteId}/favorites/${encodeURIComponent(s.userId)}/views/${encodeURIComponent(viewId)}`,
      token: s.token,
    });
  });
}
