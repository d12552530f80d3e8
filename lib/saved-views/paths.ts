/**
 * The portal's own URL of a saved view (a Tableau custom view): `/views/{workbook}/{sheet}?cv={customViewLuid}`.
 * The `cv` query key is the portal's, so a deep-link filter cannot be named `cv`. Shared by server and client.
 */
export const SAVED_VIEW_PARAM = "cv";

/** A custom view LUID as the portal accepts it in a URL: letters, digits and dashes only. */
export const CUSTOM_VIEW_ID = /^[A-Za-z0-9-]{1,64}$/;

export function savedViewPath(workbook: string, sheet: string, customViewId: string): string {
  const base = `/views/${encodeURIComponent(workbook)}/${encodeURIComponent(sheet)}`;
  return `${base}?${SAVED_VIEW_PARAM}=${encodeURIComponent(customViewId)}`;
}

/**
 * The workbook, sheet and LUID in a custom view's Tableau URL (`…/views/{workbook}/{sheet}/{luid}/{urlName}`),
 * or null when the URL has another form.
 */
export function parseCustomViewUrl(url: string): { workbook: string; sheet: string; id: string } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/views\/([^/]+)\/([^/]+)\/([^/]+)\/[^/]*$/.exec(path);
  if (!m) return null;
  try {
    const [workbook, sheet, id] = [m[1]!, m[2]!, m[3]!].map(decodeURIComponent);
    return workbook && sheet && id && CUSTOM_VIEW_ID.test(id) ? { workbook, sheet, id } : null;
  } catch {
    return null;
  }
}

/** The URL segment Tableau puts after a custom view's LUID: its name without spaces or punctuation. */
export function customViewUrlName(name: string): string {
  return encodeURIComponent(name.replace(/[^\p{L}\p{N}]+/gu, "") || "view");
}
