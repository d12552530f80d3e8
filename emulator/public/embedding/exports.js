// The export methods of <tableau-viz> and the summary-data methods of a worksheet, as the public reference
// documents them (VizActions, Worksheet, DataTableReader): each export resolves once the browser has been
// handed the file, a sheet outside the one shown rejects with `invalid-selection-sheet`, and the emulator's
// dialogs are reduced to their outcome.
import { EmbeddingErrorCodes, TableauDialogType, TableauEmbeddingError } from "./enums.js";

const FORMATS = ["csv", "xlsx"];
const DEFAULT_PAGE_ROWS = 10000;

const vizMethods = {
  /** Downloads `sheetName`'s crosstab as CSV or Excel (CrosstabFileFormat "csv" | "xlsx"). */
  async exportCrosstabAsync(sheetName, format) {
    if (!FORMATS.includes(format)) {
      throw new TableauEmbeddingError(
        EmbeddingErrorCodes.InvalidParameter,
        `Invalid crosstab format "${format}": use "csv" or "xlsx".`,
      );
    }
    const { dataUrl, filename } = await this._command("exportCrosstab", {
      sheetName: String(sheetName),
      format,
    });
    this._download(dataUrl, filename);
  },

  /** Downloads `sheetName`'s summary data as CSV (ExportDataOptions: columnsToIncludeById, ignoreAliases). */
  async exportDataAsync(sheetName, options = {}) {
    const args = {
      sheetName: String(sheetName),
      options: { columnsToIncludeById: options.columnsToIncludeById },
    };
    const { dataUrl, filename } = await this._command("exportData", args);
    this._download(dataUrl, filename);
  },

  /** Downloads a deck of the named sheets (the active sheet by default), one slide each. */
  async exportPowerPointAsync(sheetNames) {
    const names = Array.isArray(sheetNames) ? sheetNames.map(String) : undefined;
    const { dataUrl, filename } = await this._command("exportPowerPoint", { sheetNames: names });
    this._download(dataUrl, filename);
  },
};

/**
 * The outcome of a dialog the emulator does not draw, or null for the viz's own handling (PDF). On a
 * dashboard the crosstab and data dialogs ask which worksheet; with none selected Tableau's do nothing.
 */
export function dialogOutcome(viz, dialogType) {
  if (dialogType === TableauDialogType.ExportPowerPoint) return viz.exportPowerPointAsync();
  const sheet = viz._state?.activeSheet;
  const worksheet = sheet?.sheetType === "worksheet" ? sheet.name : null;
  if (dialogType === TableauDialogType.ExportCrossTab)
    return worksheet ? viz.exportCrosstabAsync(worksheet, "csv") : Promise.resolve();
  if (dialogType === TableauDialogType.ExportData)
    return worksheet ? viz.exportDataAsync(worksheet) : Promise.resolve();
  return null;
}

function dataTable(viz, name, options) {
  return viz._command("getSummaryData", {
    worksheetName: name,
    maxRows: options?.maxRows ?? 0,
    columnsToIncludeById: options?.columnsToIncludeById,
  });
}

const worksheetMethods = {
  /** The worksheet's summary data as a DataTable (`maxRows` 0 or absent: every row). */
  getSummaryDataAsync(options) {
    return dataTable(this._viz, this.name, options);
  },

  /** A DataTableReader over the summary data, `pageRowCount` rows a page. */
  async getSummaryDataReaderAsync(pageRowCount = DEFAULT_PAGE_ROWS, options) {
    const rows = Math.max(1, Math.floor(Number(pageRowCount)) || DEFAULT_PAGE_ROWS);
    const table = await dataTable(this._viz, this.name, { ...options, maxRows: 0 });
    let released = false;
    const page = (from, count) => ({ ...table, data: table.data.slice(from, from + count) });
    const live = () => {
      if (released) {
        throw new TableauEmbeddingError(
          EmbeddingErrorCodes.InternalError,
          "This DataTableReader was released.",
        );
      }
    };
    return {
      totalRowCount: table.totalRowCount,
      pageCount: Math.ceil(table.totalRowCount / rows),
      async getPageAsync(pageNumber) {
        live();
        if (
          !Number.isInteger(pageNumber) ||
          pageNumber < 0 ||
          pageNumber * rows >= Math.max(1, table.totalRowCount)
        ) {
          throw new TableauEmbeddingError(
            EmbeddingErrorCodes.IndexOutOfRange,
            `There is no page ${pageNumber}.`,
          );
        }
        return page(pageNumber * rows, rows);
      },
      async getAllPagesAsync(maxRows = 0) {
        live();
        return page(0, maxRows > 0 ? maxRows : table.totalRowCount);
      },
      async releaseAsync() {
        released = true;
      },
    };
  },
};

/** Adds the methods to the element and worksheet classes (viz.js and sheets.js hold the rest). */
export function installExports(VizClass, WorksheetClass) {
  Object.assign(VizClass.prototype, vizMethods);
  Object.assign(WorksheetClass.prototype, worksheetMethods);
}
