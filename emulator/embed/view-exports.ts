/**
 * A view path with `.csv`, `.xlsx`, `.pptx` or `.json`: what the view page's exports and data methods fetch
 * for the embed session (view-routes.ts has checked site, session, content and permission). The rows are the
 * session's own: its user-attribute claims limit them as they limit the chart.
 */
import type { EmulatorContext } from "../core/context";
import type { EmuResponse } from "../core/http";
import { findViewBySheetUrl } from "../core/lookup";
import type { SiteView, SiteWorkbook } from "../core/site";
import type { RenderOptions } from "../render";
import { renderViewPng } from "../render/image";
import { PPTX_TYPE, writePptx } from "../render/pptx";
import { tableCsv, viewTable, type DataTable } from "../render/table";
import { tableXlsx, XLSX_TYPE } from "../render/xlsx";

export const EXPORT_FORMATS = ["csv", "xlsx", "pptx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(format: string): format is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(format);
}

const SLIDE_SIZE = { width: 1280, height: 640 };
const MAX_SLIDES = 20;

function fail(status: number, text: string): EmuResponse {
  return {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    body: text,
  };
}

function file(type: string, body: Buffer | string, filename: string): EmuResponse {
  return {
    status: 200,
    headers: {
      "content-type": type,
      "cache-control": "no-store",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
    },
    body,
  };
}

/** The summary data as the page turns it into a DataTable: the dimension, then SUM of the measure. */
export function summaryJson(table: DataTable) {
  const [dimension, measure] = table.columns;
  return {
    name: table.sheet.name,
    columns: [
      { fieldName: dimension, fieldId: `[${dimension}]`, dataType: "string", index: 0 },
      { fieldName: `SUM(${measure})`, fieldId: `[sum:${measure}]`, dataType: "float", index: 1 },
    ],
    rows: table.rows,
  };
}

/** The sheets a deck shows: `:slides` names sheets of the workbook (by URL name), else the view itself. */
function slideViews(workbook: SiteWorkbook, view: SiteView, names: string | null): SiteView[] | null {
  if (!names) return [view];
  const list = names
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean)
    .slice(0, MAX_SLIDES);
  const views = list.map((n) => findViewBySheetUrl(workbook, n));
  return views.length > 0 && views.every((v) => v !== null && v !== undefined) ? (views as SiteView[]) : null;
}

export function exportResponse(
  format: ExportFormat,
  ctx: EmulatorContext,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions,
  params: URLSearchParams,
): EmuResponse {
  if (format === "pptx") {
    const views = slideViews(workbook, view, params.get(":slides"));
    if (!views) return fail(400, "A sheet named in :slides is not a sheet of this workbook.");
    const slides = views.map((v) => ({
      title: v.name,
      png: renderViewPng(ctx, workbook, v, { ...opts, ...SLIDE_SIZE }),
      ...SLIDE_SIZE,
    }));
    return file(PPTX_TYPE, writePptx(slides), `${workbook.contentUrl}.pptx`);
  }
  const table = viewTable(ctx.site, workbook, view, opts);
  if (!table) return fail(400, `"${view.name}" has no worksheet to export.`);
  if (format === "json") {
    return {
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" },
      body: JSON.stringify(summaryJson(table)),
    };
  }
  if (format === "csv")
    return file("text/csv; charset=utf-8", tableCsv(table), `${table.sheet.sheetUrl}.csv`);
  return file(XLSX_TYPE, tableXlsx(table), `${table.sheet.sheetUrl}.xlsx`);
}
