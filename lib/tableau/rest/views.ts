/** Views: for the whole site (paged), for one workbook, and one by id. */
import { getJson, type RestContext } from "./context";
import { VIEW_FIELDS } from "./filter";
import { reshapePage, reshapeView } from "./reshape";
import type { Page, View } from "./types";
import { viewResponseSchema, viewsResponseSchema } from "./wire";
import { pageQuery, type ListOptions } from "./workbooks";

export async function listViewsForSite(
  ctx: RestContext,
  username: string,
  opts: ListOptions = {},
): Promise<Page<View>> {
  const data = await getJson(ctx, username, "/views", pageQuery(opts, VIEW_FIELDS), viewsResponseSchema);
  const pagination = data.pagination ?? {
    pageNumber: 1,
    pageSize: data.views.length,
    totalAvailable: data.views.length,
  };
  return reshapePage(pagination, data.views, reshapeView);
}

export async function listWorkbookViews(
  ctx: RestContext,
  username: string,
  workbookId: string,
): Promise<View[]> {
  const path = `/workbooks/${encodeURIComponent(workbookId)}/views`;
  const data = await getJson(ctx, username, path, {}, viewsResponseSchema);
  // This endpoint's views may omit `workbook`; we know which workbook they belong to.
  return data.views.map((v) => ({ ...reshapeView(v), workbookId }));
}

export async function getView(ctx: RestContext, username: string, viewId: string): Promise<View> {
  const data = await getJson(ctx, username, `/views/${encodeURIComponent(viewId)}`, {}, viewResponseSchema);
  return reshapeView(data.view);
}
