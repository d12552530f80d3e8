"use server";

/**
 * Saving which controls a view shows. The action checks, itself, that the caller is a signed-in admin (the
 * page's own check does not protect a direct post), parses its input with zod, and saves through the
 * repository, which refuses a save made against a stale version and writes the audit trail.
 */
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { saveViewSettings, ViewSettingsError } from "@/lib/db/repositories/view-settings";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { viewContentUrlSchema } from "./content-url";
import { controlSettingsSchema, type StoredControlSettings } from "./schema";

const inputSchema = z.object({
  view: viewContentUrlSchema,
  settings: controlSettingsSchema,
  expectedVersion: z.number().int().min(0),
});

export type SaveControlsResult =
  | { ok: true; stored: StoredControlSettings }
  | { ok: false; code: "NOT_ADMIN" | "INVALID" | "STALE_EDIT" | "UNAVAILABLE"; message: string };

export async function saveControlSettingsAction(input: unknown): Promise<SaveControlsResult> {
  const user = await getCurrentUser();
  if (user?.role !== "admin")
    return {
      ok: false,
      code: "NOT_ADMIN",
      message: "Only portal administrators can choose a view's controls.",
    };
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, code: "INVALID", message: "These control settings are not valid." };
  try {
    const stored = await saveViewSettings(await getDb(), { ...parsed.data, actor: user.email });
    logEvent("view_settings.saved", {
      requestId: await currentRequestId(),
      user: user.email,
      view: parsed.data.view,
      version: stored.version,
    });
    return { ok: true, stored };
  } catch (error) {
    if (error instanceof ViewSettingsError) return { ok: false, code: error.code, message: error.message };
    logEvent("view_settings.save_error", {
      requestId: await currentRequestId(),
      view: parsed.data.view,
      error: error instanceof Error ? error.name : "unknown",
    });
    return {
      ok: false,
      code: "UNAVAILABLE",
      message: "The settings could not be saved now; try again shortly.",
    };
  }
}
