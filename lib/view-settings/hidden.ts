/**
 * The part of the view settings the browser needs: their shape and the name check. Kept apart from schema.ts so
 * client components do not bundle zod (whose eval probe trips the view page's CSP, and which the page does
 * not otherwise ship).
 */

/** Which of the viz's own filters and parameters an admin hid, by name. */
export interface ControlSettings {
  hiddenFilters: string[];
  hiddenParameters: string[];
}

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
