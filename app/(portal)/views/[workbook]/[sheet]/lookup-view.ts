/**
 * The view page's REST lookup: whether the view exists for this user (else the page is a 404) and its project,
 * for the breadcrumb. When REST fails or is slow the page shows the viz from the URL without it (undefined):
 * Tableau enforces permissions there too, and the viz explains its own errors. Cached for the request, so the
 * page's title and its body share one lookup.
 */
import "server-only";
import { cache } from "react";
import { getViewForUser, type CatalogViewSource } from "@/lib/catalog";
import { OVER_BUDGET, withinBudget } from "@/lib/catalog/within-budget";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { explainTableauError } from "@/lib/tableau/rest";

/** How long the page waits for the lookup before it shows the viz without it. */
const VIEW_LOOKUP_BUDGET_MS = 3_000;

/** The view, null when Tableau says there is no such view for this user, undefined when it could not say. */
export const lookupView = cache(async function lookupView(
  email: string,
  workbook: string,
  sheet: string,
): Promise<CatalogViewSource | null | undefined> {
  try {
    const found = await withinBudget(getViewForUser(email, workbook, sheet), VIEW_LOOKUP_BUDGET_MS);
    if (found !== OVER_BUDGET) return found;
    logEvent("view.resolve_slow", {
      requestId: await currentRequestId(),
      user: email,
      budgetMs: VIEW_LOOKUP_BUDGET_MS,
    });
  } catch (error) {
    logEvent("view.resolve_error", {
      requestId: await currentRequestId(),
      user: email,
      code: explainTableauError(error).code,
    });
  }
  return undefined;
});
