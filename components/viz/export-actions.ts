/**
 * The toolbar's exports, each through the documented Embedding API method for it (tableau-features §6), and
 * each failure said in words: a library too old for the method, a sheet that cannot be exported, a Tableau
 * account without the download permission, or Tableau refusing to make the file.
 */
import type { TableauVizElement } from "@/types/tableau-viz";
import { targetWorksheets, toError } from "./viz-actions";

export type ExportKind = "image" | "pdf" | "powerpoint" | "crosstab-csv" | "crosstab-xlsx" | "data-csv";

export interface ExportChoice {
  kind: ExportKind;
  label: string;
  /** Made of one worksheet's data: a dashboard asks which. */
  perWorksheet: boolean;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { kind: "image", label: "Image (PNG)", perWorksheet: false },
  { kind: "pdf", label: "PDF", perWorksheet: false },
  { kind: "powerpoint", label: "PowerPoint", perWorksheet: false },
  { kind: "crosstab-csv", label: "Crosstab (CSV)", perWorksheet: true },
  { kind: "crosstab-xlsx", label: "Crosstab (Excel)", perWorksheet: true },
  { kind: "data-csv", label: "Data (CSV)", perWorksheet: true },
];

export function exportChoice(kind: ExportKind): ExportChoice {
  return EXPORT_CHOICES.find((c) => c.kind === kind)!;
}

/** An export this library version does not offer (the method is missing from the element). */
export class ExportUnsupportedError extends Error {
  readonly code = "export-unsupported";
  constructor(label: string) {
    super(`${label} export is not offered by this Tableau version's Embedding API (it needs 3.6 or later).`);
    this.name = "ExportUnsupportedError";
  }
}

/** The worksheets a per-worksheet export can name: the active one, or those of the active dashboard. */
export function exportableWorksheets(viz: TableauVizElement | null): string[] {
  return viz ? targetWorksheets(viz).map((s) => s.name) : [];
}

/**
 * Runs the export; resolves "file" once the library has handed the browser the file, or "dialog" when only
 * Tableau's own dialog was opened (a library with the PDF dialog but not exportPDFAsync).
 */
export async function runExport(
  viz: TableauVizElement,
  kind: ExportKind,
  sheetName?: string,
): Promise<"file" | "dialog"> {
  const { label } = exportChoice(kind);
  const sheet = sheetName ?? exportableWorksheets(viz)[0];
  const need = <T>(method: T | undefined): T => {
    if (typeof method !== "function") throw new ExportUnsupportedError(label);
    return method;
  };
  const needSheet = (): string => {
    if (!sheet) throw Object.assign(new Error("no worksheet"), { errorCode: "invalid-selection-sheet" });
    return sheet;
  };
  switch (kind) {
    case "image":
      await viz.exportImageAsync();
      break;
    case "pdf":
      if (!viz.exportPDFAsync) {
        await need(viz.displayDialogAsync).call(viz, "export-pdf");
        return "dialog";
      }
      await viz.exportPDFAsync();
      break;
    case "powerpoint":
      await need(viz.exportPowerPointAsync).call(viz);
      break;
    case "crosstab-csv":
      await need(viz.exportCrosstabAsync).call(viz, needSheet(), "csv");
      break;
    case "crosstab-xlsx":
      await need(viz.exportCrosstabAsync).call(viz, needSheet(), "xlsx");
      break;
    case "data-csv":
      await need(viz.exportDataAsync).call(viz, needSheet());
      break;
  }
  return "file";
}

const SHEET_CODES = new Set(["invalid-selection-sheet", "sheet-not-in-workbook", "not-active-sheet"]);

/** What to tell the user when `kind` failed: its cause in words, then Tableau's own message where it helps. */
export function explainExportFailure(kind: ExportKind, reason: unknown, sheetName?: string): string {
  const { label } = exportChoice(kind);
  const error = toError(reason);
  const code = (reason as { errorCode?: unknown } | null)?.errorCode;
  if (error instanceof ExportUnsupportedError) return `${label} export failed: ${error.message}`;
  if (typeof code === "string" && SHEET_CODES.has(code)) {
    const what = sheetName ? `“${sheetName}”` : "This view";
    return `${label} export failed: ${what} cannot be exported (it is not a worksheet of the view shown).`;
  }
  if (code === "download-workbook-not-allowed" || /permission/i.test(error.message)) {
    return `${label} export failed: your Tableau account may not download this view. Ask the workbook's owner for the download permission.`;
  }
  return `${label} export failed: Tableau refused to make the file (${error.message})`;
}
