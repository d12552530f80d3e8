/**
 * Which of a viz's own controls the portal shows above it, per view. Stored as the names an admin hid, so a
 * filter or parameter the workbook gains later shows until someone hides it. Shared by the page, the admin's
 * form and the server action; no field name of any data set is known here.
 */
import { z } from "zod";
import type { ControlSettings } from "./hidden";

export { isHidden, type ControlSettings, type StoredControlSettings } from "./hidden";

const nameSchema = z.string().trim().min(1).max(128);

export const controlSettingsSchema = z.object({
  hiddenFilters: z.array(nameSchema).max(100).default([]),
  hiddenParameters: z.array(nameSchema).max(100).default([]),
}) satisfies z.ZodType<ControlSettings>;

export const DEFAULT_CONTROL_SETTINGS: ControlSettings = { hiddenFilters: [], hiddenParameters: [] };

/** Parses stored JSON; anything unreadable is the default (show everything), never an error page. */
export function parseStoredSettings(text: string): ControlSettings {
  try {
    const parsed = controlSettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_CONTROL_SETTINGS;
  } catch {
    return DEFAULT_CONTROL_SETTINGS;
  }
}
