/**
 * Saved views (Tableau custom views) for the signed-in portal user, read through REST as their own Tableau
 * user, so Tableau's visibility rules decide: a private custom view of someone else is a 404 here too.
 * Server-only: binds the REST client to the user's Tableau identity.
 */
import "server-only";
import { asTableauError } from "@/lib/catalog/tableau-error-shape";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { explainTableauError, type CustomView } from "@/lib/tableau/rest";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import { CUSTOM_VIEW_ID, savedViewPath } from "./paths";

export type SavedViewLookup =
  | { kind: "found"; customView: CustomView }
  /** Not there for this user: deleted, private to someone else, or of a view they may not see. */
  | { kind: "unavailable" }
  /** The custom view is of another view: its own portal path. */
  | { kind: "elsewhere"; path: string }
  | { kind: "failed"; message: string; code: string };

/**
 * The custom view `rawId` names, for a page of the view whose id `pageViewId` gives (undefined: the page could
 * not tell). Asked alongside the page's own lookup, not after it.
 */
export async function lookupSavedView(
  email: string,
  rawId: string,
  pageViewId: Promise<string | undefined>,
): Promise<SavedViewLookup> {
  if (!CUSTOM_VIEW_ID.test(rawId)) return { kind: "unavailable" };
  const username = await getRestUsername(email);
  if (!username) return { kind: "unavailable" };
  const client = getTableauClient();
  try {
    const customView = await client.getCustomView(username, rawId);
    const viewId = await pageViewId;
    if (viewId === undefined || customView.viewId === viewId) return { kind: "found", customView };
    const view = await client.getView(username, customView.viewId);
    return { kind: "elsewhere", path: savedViewPath(view.workbookContentUrl, view.sheetUrl, customView.id) };
  } catch (error) {
    const tableau = asTableauError(error);
    if (tableau && (tableau.status === 404 || tableau.status === 403)) return { kind: "unavailable" };
    const explained = explainTableauError(error);
    logEvent("saved_view.lookup_error", {
      requestId: await currentRequestId(),
      user: email,
      code: explained.code,
    });
    return { kind: "failed", message: explained.message, code: explained.code };
  }
}

/** The user's own saved views, as Tableau lists them; null when they map to no Tableau user. */
export async function listOwnSavedViews(email: string): Promise<CustomView[] | null> {
  const username = await getRestUsername(email);
  if (!username) return null;
  return getTableauClient().listOwnCustomViews(username);
}
