/**
 * Reads what the signed-in user may see, through the REST client signed in as THAT Tableau user (JWT with
 * `tableau:content:read`, session cached per user by the client). Tableau decides what is visible: the portal
 * never filters projects itself.
 */
import type { TableauClient, View, Workbook } from "@/lib/tableau/rest";

type CatalogClient = Pick<TableauClient, "listViewsForSite" | "listWorkbooks">;

const PAGE_SIZE = 1000;
/** A portal home page is not a bulk export: stop paging after this many items. */
const MAX_ITEMS = 5000;

export interface CatalogContent {
  views: View[];
  workbooks: Workbook[];
}

export async function loadCatalogContent(client: CatalogClient, username: string): Promise<CatalogContent> {
  const [views, workbooks] = await Promise.all([
    collect((pageNumber) => client.listViewsForSite(username, { pageSize: PAGE_SIZE, pageNumber })),
    collect((pageNumber) => client.listWorkbooks(username, { pageSize: PAGE_SIZE, pageNumber })),
  ]);
  return { views, workbooks };
}

/** Whether `view` is the one whose URL parts are `workbook` and `sheet`. */
export function isViewAt(
  view: Pick<View, "workbookContentUrl" | "sheetUrl">,
  workbook: string,
  sheet: string,
): boolean {
  return view.workbookContentUrl === workbook && view.sheetUrl === sheet;
}

/** Finds one view by workbook and sheet URL parts, or null when the user may not see it or it does not exist. */
export async function findView(
  client: Pick<TableauClient, "listViewsForSite">,
  username: string,
  workbook: string,
  sheet: string,
): Promise<View | null> {
  const contentUrl = `${workbook}/sheets/${sheet}`;
  const page = await client.listViewsForSite(username, {
    pageSize: 10,
    filter: [{ field: "contentUrl", op: "eq", value: contentUrl }],
  });
  return page.items.find((v) => isViewAt(v, workbook, sheet)) ?? null;
}

async function collect<T>(
  fetchPage: (pageNumber: number) => Promise<{ items: T[]; totalAvailable: number }>,
): Promise<T[]> {
  const items: T[] = [];
  for (let pageNumber = 1; items.length < MAX_ITEMS; pageNumber += 1) {
    const page = await fetchPage(pageNumber);
    items.push(...page.items);
    if (page.items.length === 0 || items.length >= page.totalAvailable) break;
  }
  return items;
}
