/** Query Workbooks for Site, one page at a time, as the signed-in user sees them. */
import { getJson, type RestContext } from "./context";
import { buildFilter, buildSort, WORKBOOK_FIELDS, type FilterCondition, type SortKey } from "./filter";
import { reshapePage, reshapeWorkbook } from "./reshape";
import type { Page, Workbook } from "./types";
import { workbooksResponseSchema } from "./wire";

export interface ListOptions {
  /** 1–1000; Tableau's default is 100. */
  pageSize?: number;
  /** 1-based. */
  pageNumber?: number;
  filter?: readonly FilterCondition[];
  sort?: readonly SortKey[];
  /** Tableau's `fields` parameter, e.g. `_default_`. */
  fields?: string;
}

export async function listWorkbooks(
  ctx: RestContext,
  username: string,
  opts: ListOptions = {},
): Promise<Page<Workbook>> {
  const data = await getJson(ctx, username, "/workbooks", pageQuery(opts), workbooksResponseSchema);
  return reshapePage(data.pagination, data.workbooks, reshapeWorkbook);
}

/** Paging, filter and sort query parameters, validated (throws TableauFilterError before any request). */
export function pageQuery(
  opts: ListOptions,
  fields = WORKBOOK_FIELDS,
): Record<string, string | number | undefined> {
  return {
    pageSize: opts.pageSize,
    pageNumber: opts.pageNumber,
    filter: buildFilter(opts.filter ?? [], fields),
    sort: buildSort(opts.sort ?? [], fields),
    fields: opts.fields,
  };
}
