/**
 * Which of a viz's own controls the portal shows above it, per view. Stored as the names an admin hid, so a
 * filter or parameter the workbook gains later shows until someone hides it. Shared by the page, the admin's
 * form and the server action; no field name of any data set is known here.
 */
import { z } from "zod";

const nameSchema = z.string().trim().min(1).max(128);

export const controlSettingsSchema = z.object({
  hiddenFilters: z.array(nameSchema).max(100).default([]),
  hiddenParameters: z.array(nameSchema).max(100).default([]),
});
export type ControlSettings = z.infer<typeof controlSettingsSchema>;

export const DEFAULT_CONTROL_SETTINGS: ControlSettings = { hiddenFilters: [], hiddenParameters: [] };

/** What a view page needs: the settings and the version an edit is made against (0: never saved). */
export interface StoredControlSettings {
  settings: ControlSettings;
  version: number;
}

/** Tableau's field and parameter names are case-insensitive in URLs and the API; hiding follows suit. */
export function isHidden(list: readonly string[], name: string): boolean {
  const lower = name.toLowerCase();
  return list.some((n) => n.toLowerCase() === lower);
}

/** Parses stored JSON; anything unreadable is the default (show everything), never an error page. */
export function parseStoredSettings(text: string): ControlSettings {
  try {
    const parsed = controlSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_CONTROL_SETTINGS;
  } catch {
    return DEFAULT_CONTROL_SETTINGS;
  }
}
