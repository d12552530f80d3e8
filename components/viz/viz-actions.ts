/**
 * The portal's controls, each through the documented Embedding API only (tableau-reference §4). A dashboard
 * has no filter of its own in the API, so a quick filter is applied on each of its worksheets.
 */
import type { TableauVizElement, VizFilter, VizWorksheet } from "@/types/tableau-viz";

export type VizFilters = Record<string, string[]>;

/** The worksheets a filter must reach: the active worksheet, or every worksheet of the active dashboard. */
export function targetWorksheets(viz: TableauVizElement): VizWorksheet[] {
  const sheet = viz.workbook?.activeSheet;
  if (!sheet) return [];
  if (sheet.sheetType === "dashboard") return sheet.worksheets;
  if (sheet.sheetType === "worksheet") return [sheet];
  return [];
}

/** Filters `field` to `values` (replace), or clears it when `values` is empty. Succeeds if any worksheet took it. */
export async function applyFieldFilter(
  viz: TableauVizElement,
  field: string,
  values: string[],
): Promise<void> {
  const sheets = targetWorksheets(viz);
  if (sheets.length === 0) throw new Error("This view has no worksheet to filter.");
  const results = await Promise.allSettled(
    sheets.map((sheet) =>
      values.length === 0
        ? sheet.clearFilterAsync(field)
        : sheet.applyFilterAsync(field, values, "replace", { isExcludeMode: false }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed && results.every((r) => r.status === "rejected")) throw toError(failed.reason);
}

/** Clears every filter the portal knows of; with none known, reverts the workbook to its starting state. */
export async function resetFilters(viz: TableauVizElement, known: VizFilters): Promise<void> {
  const fields = Object.keys(known);
  if (fields.length === 0) return viz.revertAllAsync();
  for (const field of fields) await applyFieldFilter(viz, field, []);
}

/**
 * The values a categorical filter keeps, or `null` when it keeps everything (no filter to restore). Exclude
 * filters and other filter types cannot be said as a `<viz-filter>`, so they give `undefined` (ignore).
 */
export function keptValues(filter: VizFilter): string[] | null | undefined {
  if (filter.filterType !== "categorical" || filter.isExcludeMode) return undefined;
  const values = (filter.appliedValues ?? []).map((v) => v.formattedValue ?? String(v.value));
  if (filter.isAllSelected || values.length === 0) return null;
  return values;
}

export function toError(reason: unknown): Error {
  return reason instanceof Error
    ? reason
    : new Error(typeof reason === "string" ? reason : "The viz refused.");
}
