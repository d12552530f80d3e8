import { describe, expect, it } from "vitest";
import type { TableauVizElement, VizDataTable, VizSheet, VizWorksheet } from "@/types/tableau-viz";
import { explainExportFailure, exportableWorksheets, runExport } from "./export-actions";
import { countMarks, filterOutcome, readSummaryData } from "./read-summary";

/** A worksheet with the documented summary-data reader over `rows` (the viz API surface, not a network mock). */
function worksheet(name: string, rows: string[][]): VizWorksheet {
  const table = (data: string[][]): VizDataTable => ({
    name,
    totalRowCount: rows.length,
    columns: [
      { fieldName: "Sales", index: 1 },
      { fieldName: "Region", index: 0 },
    ],
    data: data.map((r) => r.map((value) => ({ value, formattedValue: value }))),
  });
  return {
    name,
    sheetType: "worksheet",
    applyFilterAsync: async (f) => f,
    clearFilterAsync: async (f) => f,
    getFiltersAsync: async () => [],
    getSummaryDataReaderAsync: async (pageRows = 10) => ({
      totalRowCount: rows.length,
      pageCount: Math.ceil(rows.length / pageRows),
      getPageAsync: async (n) => table(rows.slice(n * pageRows, (n + 1) * pageRows)),
      releaseAsync: async () => undefined,
    }),
  };
}

function viz(activeSheet: VizSheet, methods: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const element = {
    workbook: { activeSheet },
    exportImageAsync: async () => void calls.push("image"),
    ...methods,
  } as unknown as TableauVizElement;
  return { element, calls };
}

const dashboard: VizSheet = {
  name: "Overview",
  sheetType: "dashboard",
  worksheets: [worksheet("Sales by Region", [["East", "10"]]), worksheet("Profit by Category", [])],
};

describe("exports through the Embedding API", () => {
  it("names a dashboard's worksheets and calls the documented method with the chosen one", async () => {
    const calls: unknown[][] = [];
    const { element } = viz(dashboard, {
      exportCrosstabAsync: async (...args: unknown[]) => void calls.push(args),
    });
    expect(exportableWorksheets(element)).toEqual(["Sales by Region", "Profit by Category"]);
    await runExport(element, "crosstab-xlsx", "Profit by Category");
    await runExport(element, "crosstab-csv");
    expect(calls).toEqual([
      ["Profit by Category", "xlsx"],
      ["Sales by Region", "csv"],
    ]);
  });

  it("prefers exportPDFAsync and falls back to the PDF dialog, telling the two apart", async () => {
    const opened: string[] = [];
    const { element: old } = viz(dashboard, { displayDialogAsync: async (t: string) => void opened.push(t) });
    expect(await runExport(old, "pdf")).toBe("dialog");
    expect(opened).toEqual(["export-pdf"]);
    const { element: current } = viz(dashboard, {
      exportPDFAsync: async () => void opened.push("file"),
      displayDialogAsync: async (t: string) => void opened.push(t),
    });
    expect(await runExport(current, "pdf")).toBe("file");
    expect(opened).toEqual(["export-pdf", "file"]);
  });

  it("says in words why an export failed", async () => {
    const { element } = viz(dashboard);
    const missing = await runExport(element, "powerpoint").catch((e: unknown) => e);
    expect(explainExportFailure("powerpoint", missing)).toBe(
      "PowerPoint export failed: PowerPoint export is not offered by this Tableau version's Embedding API (it needs 3.6 or later).",
    );
    const sheet = Object.assign(new Error("x"), { errorCode: "invalid-selection-sheet" });
    expect(explainExportFailure("crosstab-csv", sheet, "Overview")).toContain(
      "“Overview” cannot be exported (it is not a worksheet of the view shown)",
    );
    const denied = Object.assign(new Error("The session may not download (permission missing)."), {
      errorCode: "crosstab-creation-error",
    });
    expect(explainExportFailure("crosstab-xlsx", denied)).toContain("may not download this view");
    expect(explainExportFailure("data-csv", new Error("boom"))).toBe(
      "Data (CSV) export failed: Tableau refused to make the file (boom)",
    );
  });
});

describe("summary data as a table", () => {
  it("reads a bounded first page of each worksheet, columns in their index order", async () => {
    const rows = [
      ["Central", "1"],
      ["East", "2"],
      ["South", "3"],
    ];
    const { element } = viz(worksheet("Sales by Region", rows));
    expect(await readSummaryData(element, 2)).toEqual([
      { sheet: "Sales by Region", columns: ["Region", "Sales"], rows: rows.slice(0, 2), total: 3 },
    ]);
    expect(await countMarks(viz(dashboard).element)).toBe(1);
  });

  it("words a filter's outcome with its marks, no data, or no count", () => {
    expect(filterOutcome("Region", ["East"], 1)).toBe("Region: East applied, 1 mark.");
    expect(filterOutcome("Region", ["East", "West"], 0)).toBe("Region: East, West applied: no data.");
    expect(filterOutcome("Region", [], 4)).toBe("Region filter cleared, 4 marks.");
    expect(filterOutcome("Region", ["East"], null)).toBe("Region: East applied.");
  });
});
