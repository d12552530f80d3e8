// Export and data commands of the view page: crosstab (CSV, Excel), summary data (CSV or a DataTable) and a
// PowerPoint deck, each for a worksheet the page shows now, fetched from the server for this session (so the
// rows are the signed-in user's, after row-level security) with the page's current filters and parameters.
import { activeSheet, filterQuery, pageError, sheetByName, sheetPath } from "./state.js";

/** The worksheets an export may name: the active worksheet, or the active dashboard's worksheets. */
function exportableWorksheets() {
  const sheet = activeSheet();
  if (sheet.sheetType === "worksheet") return [sheet];
  if (sheet.sheetType === "dashboard") return (sheet.worksheets || []).map(sheetByName).filter(Boolean);
  return [];
}

function worksheetNamed(name) {
  const found = exportableWorksheets().find((s) => s.name === name);
  if (!found) {
    throw pageError(
      "invalid-selection-sheet",
      `"${name}" is not a worksheet of the sheet shown (${activeSheet().name}), so it cannot be exported.`,
    );
  }
  return found;
}

async function fetchFrom(sheet, suffix, errorCode, extra = {}) {
  const query = filterQuery();
  for (const [k, v] of Object.entries(extra)) query.set(k, v);
  const res = await fetch(`${sheetPath(sheet, suffix)}?${query}`, { credentials: "same-origin" });
  if (res.status === 401 || res.status === 403) {
    throw pageError(errorCode, "The Tableau session may not download this view's data (permission missing).");
  }
  if (!res.ok) throw pageError(errorCode, `Tableau could not make the file (HTTP ${res.status}).`);
  return res;
}

function dataUrlOf(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(pageError("internal-error", "The file could not be read."));
    reader.readAsDataURL(blob);
  });
}

async function download(res, filename) {
  return { dataUrl: await dataUrlOf(await res.blob()), filename };
}

const csvField = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The summary data of a worksheet as the reference's DataTable, limited to `maxRows` (0: all). */
export async function getSummaryData({ worksheetName, maxRows = 0, columnsToIncludeById } = {}) {
  const sheet = worksheetNamed(worksheetName);
  const body = await (await fetchFrom(sheet, ".json", "internal-error")).json();
  let columns = body.columns;
  if (Array.isArray(columnsToIncludeById) && columnsToIncludeById.length) {
    columns = columnsToIncludeById.map((id) => {
      const column = body.columns.find((c) => c.fieldId === id || c.fieldName === id);
      if (!column) throw pageError("invalid-parameter", `"${id}" is not a column of ${sheet.name}.`);
      return column;
    });
  }
  const limit = Number(maxRows) > 0 ? Number(maxRows) : body.rows.length;
  const value = (v, c) => ({
    value: v,
    nativeValue: v,
    formattedValue: c.dataType === "float" ? Number(v).toFixed(2) : String(v),
  });
  return {
    name: sheet.name,
    isSummaryData: true,
    totalRowCount: body.rows.length,
    columns: columns.map((c, index) => ({ ...c, index, isReferenced: true })),
    data: body.rows.slice(0, limit).map((row) => columns.map((c) => value(row[c.index], c))),
  };
}

export const exportCommands = {
  getSummaryData,
  exportCrosstab: async ({ sheetName, format }) => {
    if (format !== "csv" && format !== "xlsx") {
      throw pageError("invalid-parameter", `"${format}" is not a crosstab format (csv or xlsx).`);
    }
    const sheet = worksheetNamed(sheetName);
    const res = await fetchFrom(sheet, `.${format}`, "crosstab-creation-error");
    return download(res, `${sheet.name}.${format}`);
  },
  exportData: async ({ sheetName, options = {} }) => {
    const table = await getSummaryData({ worksheetName: sheetName, ...options, maxRows: 0 });
    const lines = [table.columns.map((c) => c.fieldName), ...table.data.map((r) => r.map((v) => v.value))];
    const text = lines.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
    const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    return { dataUrl: await dataUrlOf(blob), filename: `${table.name} data.csv` };
  },
  exportPowerPoint: async ({ sheetNames } = {}) => {
    const active = activeSheet();
    const names = Array.isArray(sheetNames) && sheetNames.length ? sheetNames : [active.name];
    const exportable = [active, ...exportableWorksheets()];
    const sheets = names.map((name) => {
      const sheet = exportable.find((s) => s.name === name);
      if (!sheet)
        throw pageError("invalid-selection-sheet", `"${name}" cannot be exported from ${active.name}.`);
      return sheet;
    });
    const slides = sheets.map((s) => s.sheetUrl).join(",");
    const res = await fetchFrom(active, ".pptx", "powerpoint-creation-error", { ":slides": slides });
    return download(res, `${active.name}.pptx`);
  },
};
