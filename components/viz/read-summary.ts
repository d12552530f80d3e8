/**
 * The viz's summary data through the documented API (Worksheet.getSummaryDataReaderAsync, else
 * getSummaryDataAsync): a bounded first page of each worksheet the view shows, as plain text cells for a
 * `<table>`, and the number of marks a filter left, for its announcement.
 */
import type { TableauVizElement, VizDataTable, VizWorksheet } from "@/types/tableau-viz";
import { targetWorksheets } from "./viz-actions";

export interface SheetData {
  sheet: string;
  columns: string[];
  rows: string[][];
  /** Every row the sheet has; `rows` holds at most the bound asked for. */
  total: number;
}

export class SummaryDataUnsupportedError extends Error {
  readonly code = "summary-data-unsupported";
  constructor() {
    super("This Tableau version's Embedding API cannot read a view's data.");
    this.name = "SummaryDataUnsupportedError";
  }
}

async function firstPage(sheet: VizWorksheet, maxRows: number): Promise<VizDataTable> {
  if (sheet.getSummaryDataReaderAsync) {
    const reader = await sheet.getSummaryDataReaderAsync(maxRows);
    try {
      const page = await reader.getPageAsync(0);
      return { ...page, totalRowCount: reader.totalRowCount };
    } finally {
      await reader.releaseAsync().catch(() => undefined);
    }
  }
  if (sheet.getSummaryDataAsync) return sheet.getSummaryDataAsync({ maxRows });
  throw new SummaryDataUnsupportedError();
}

const text = (v: { value: unknown; formattedValue?: string }) => v.formattedValue ?? String(v.value);

export async function readSummaryData(viz: TableauVizElement, maxRows: number): Promise<SheetData[]> {
  const sheets = targetWorksheets(viz);
  const tables = await Promise.all(sheets.map((s) => firstPage(s, maxRows)));
  return tables.map((t, i) => ({
    sheet: sheets[i]!.name,
    columns: [...t.columns].sort((a, b) => a.index - b.index).map((c) => c.fieldName),
    rows: t.data.slice(0, maxRows).map((row) => row.map(text)),
    total: t.totalRowCount,
  }));
}

/** The marks the view now draws (rows of its worksheets' summary data), or null when the API cannot say. */
export async function countMarks(viz: TableauVizElement): Promise<number | null> {
  try {
    const tables = await Promise.all(targetWorksheets(viz).map((s) => firstPage(s, 1)));
    return tables.reduce((n, t) => n + t.totalRowCount, 0);
  } catch {
    return null;
  }
}

/** "Region: East applied, 1 mark." / "… no data." / without a count when the API gives none. */
export function filterOutcome(field: string, values: string[], marks: number | null): string {
  const what = values.length ? `${field}: ${values.join(", ")} applied` : `${field} filter cleared`;
  if (marks === null) return `${what}.`;
  if (marks === 0) return `${what}: no data.`;
  return `${what}, ${marks} mark${marks === 1 ? "" : "s"}.`;
}
