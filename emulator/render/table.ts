/**
 * A view's data as a table (REST `data` CSV and `crosstab/excel`): the dimension and the measure the worksheet
 * draws, one row per member, after filters and row-level security. On a dashboard Tableau exports one sheet,
 * the first of its worksheets in alphabetical order (Salesforce KB 005317100), and so does the emulator.
 */
import type { SiteData, SiteView, SiteWorkbook } from "../core/site";
import { buildViewModel, worksheetsOf, type RenderOptions } from "./view-model";

export interface DataTable {
  /** The worksheet the rows come from (a dashboard's first worksheet). */
  sheet: SiteView;
  columns: [string, string];
  rows: Array<[string, number]>;
}

const MEASURE_CAPTION = { sales: "Sales", profit: "Profit" } as const;

/** The worksheet a tabular export of `view` reads, or null when it shows none. */
export function exportedSheet(workbook: SiteWorkbook, view: SiteView): SiteView | null {
  const sheets = [...worksheetsOf(workbook, view)].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  return sheets[0] ?? null;
}

export function viewTable(
  site: Pick<SiteData, "orders">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions,
): DataTable | null {
  const sheet = exportedSheet(workbook, view);
  if (!sheet) return null;
  const panel = buildViewModel(site, workbook, sheet, opts).panels[0];
  if (!panel) return null;
  const { aggregate } = panel;
  return {
    sheet,
    columns: [aggregate.field, MEASURE_CAPTION[aggregate.measure]],
    rows: aggregate.rows.map((r) => [r.key, r.value]),
  };
}

/** RFC 4180 CSV (CRLF line ends; a field with a comma, quote or line break is quoted). */
export function tableCsv(table: DataTable): string {
  const field = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [table.columns, ...table.rows].map((row) => row.map(field).join(",")).join("\r\n") + "\r\n";
}
