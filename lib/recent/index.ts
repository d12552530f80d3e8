/**
 * Recently viewed: the view page records each visit in the portal's database, and the home page shows the
 * latest as a row. A database that is down costs neither page: the visit is not recorded (logged), the row
 * says it cannot be shown.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { listRecentViews, recordRecentView } from "@/lib/db/repositories/recent-views";
import { logEvent } from "@/lib/log";

export async function recordVisit(userId: string, view: string, title: string): Promise<void> {
  try {
    await recordRecentView(await getDb(), { userId, view, title });
  } catch (error) {
    logEvent("recent.record_error", { view, error: error instanceof Error ? error.name : "unknown" });
  }
}

/** The contentUrls of the user's latest views, newest first; null when the database cannot say. */
export async function recentViewUrls(userId: string, limit = 8): Promise<string[] | null> {
  try {
    return (await listRecentViews(await getDb(), userId, limit)).map((r) => r.view);
  } catch (error) {
    logEvent("recent.read_error", { error: error instanceof Error ? error.name : "unknown" });
    return null;
  }
}
