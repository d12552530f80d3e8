/** The page's address once the viz shows a saved view: its portal link, or the plain view for the original. */
import { parseCustomViewUrl, SAVED_VIEW_PARAM } from "@/lib/saved-views/paths";

export function savedViewUrl(current: string, cv: { url: string } | undefined): string {
  const url = new URL(current);
  url.search = "";
  const target = cv ? parseCustomViewUrl(cv.url) : null;
  if (target) url.searchParams.set(SAVED_VIEW_PARAM, target.id);
  return url.toString();
}

/** The viz shows a saved view as saved (no portal filter on top): the address bar names it. */
export function showSavedViewAddress(cv: { url: string } | undefined): void {
  window.history.replaceState(window.history.state, "", savedViewUrl(window.location.href, cv));
}
