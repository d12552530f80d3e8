/**
 * Finds each workbook's default view, to link it to the portal's view page. One Query Views for Site request,
 * filtered to the workbooks at hand by name, covers a whole page of workbooks (matching by `defaultViewId`,
 * so two workbooks with one name in different projects do not mix). Only workbooks whose names Tableau's filter
 * syntax cannot carry (`,` `&` `[` `]`) cost a request each.
 */
import type { RestContext } from "./context";
import { portalViewPath } from "./reshape";
import type { View, Workbook } from "./types";
import { listViewsForSite, listWorkbookViews } from "./views";

const VIEW_PAGE_SIZE = 1000;
const MAX_VIEW_PAGES = 5;
const UNSAFE_NAME = /[,&[\]]/;

/** Workbook id → portal path of its default view (`/views/{workbook}/{sheet}`); workbooks not found are absent. */
export async function resolveDefaultViewPaths(
  ctx: RestContext,
  username: string,
  workbooks: readonly Workbook[],
): Promise<Map<string, string>> {
  const views: View[] = [];
  const safe = workbooks.filter((w) => !UNSAFE_NAME.test(w.name) && w.name.length > 0);
  const unsafe = workbooks.filter((w) => !safe.includes(w));
  const names = [...new Set(safe.map((w) => w.name))];

  if (names.length > 0) {
    const filter = [{ field: "workbookName", op: "in" as const, value: names }];
    for (let page = 1; page <= MAX_VIEW_PAGES; page++) {
      const res = await listViewsForSite(ctx, username, {
        filter,
        pageSize: VIEW_PAGE_SIZE,
        pageNumber: page,
      });
      views.push(...res.items);
      if (res.items.length === 0 || page * VIEW_PAGE_SIZE >= res.totalAvailable) break;
      if (safe.every((w) => defaultViewIn(w, views))) break;
    }
  }
  for (const w of unsafe) views.push(...(await listWorkbookViews(ctx, username, w.id)));

  const paths = new Map<string, string>();
  for (const w of workbooks) {
    const view = defaultViewIn(w, views);
    if (view) paths.set(w.id, portalViewPath(w.contentUrl, view.sheetUrl));
  }
  return paths;
}

/** The view named by `defaultViewId`, else (older servers omit it) the workbook's first view. */
function defaultViewIn(w: Workbook, views: readonly View[]): View | undefined {
  if (w.defaultViewId) return views.find((v) => v.id === w.defaultViewId);
  return views.find((v) => v.workbookId === w.id);
}
