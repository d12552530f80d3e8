/**
 * The view page's read of its control settings. A database that is down must not cost the viz: the page then
 * shows every control (the default) and says nothing is saved, and the failure is logged.
 */
import "server-only";
import { getDb } from "@/lib/db";
import { getViewSettings } from "@/lib/db/repositories/view-settings";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { DEFAULT_CONTROL_SETTINGS, type StoredControlSettings } from "./schema";

export async function loadControlSettings(view: string): Promise<StoredControlSettings & { ok: boolean }> {
  try {
    return { ...(await getViewSettings(await getDb(), view)), ok: true };
  } catch (error) {
    logEvent("view_settings.read_error", {
      requestId: await currentRequestId(),
      view,
      error: error instanceof Error ? error.name : "unknown",
    });
    return { settings: DEFAULT_CONTROL_SETTINGS, version: 0, ok: false };
  }
}
