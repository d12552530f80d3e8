/**
 * The portal's own record of the views each user opened, newest first. Tableau's Get Recently Viewed Content
 * needs a session as the user and lists items minutes late (tableau-features §3), so the portal keeps its own.
 */
import type { Kysely } from "kysely";
import type { Database } from "../schema";

/** How many views a user's record keeps; older ones are dropped on the next visit. */
export const RECENT_LIMIT = 24;

export async function recordRecentView(
  db: Kysely<Database>,
  entry: { userId: string; view: string; title: string; at?: string },
): Promise<void> {
  const at = entry.at ?? new Date().toISOString();
  await db
    .insertInto("recent_views")
    .values({ user_id: entry.userId, view: entry.view, title: entry.title, viewed_at: at })
    .onConflict((oc) => oc.columns(["user_id", "view"]).doUpdateSet({ title: entry.title, viewed_at: at }))
    .execute();
  const keep = await listRecentViews(db, entry.userId, RECENT_LIMIT);
  const oldest = keep.at(-1);
  if (keep.length === RECENT_LIMIT && oldest)
    await db
      .deleteFrom("recent_views")
      .where("user_id", "=", entry.userId)
      .where("viewed_at", "<", oldest.viewedAt)
      .execute();
}

export async function listRecentViews(
  db: Kysely<Database>,
  userId: string,
  limit = RECENT_LIMIT,
): Promise<Array<{ view: string; title: string; viewedAt: string }>> {
  const rows = await db
    .selectFrom("recent_views")
    .select(["view", "title", "viewed_at"])
    .where("user_id", "=", userId)
    .orderBy("viewed_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ view: r.view, title: r.title, viewedAt: r.viewed_at }));
}
