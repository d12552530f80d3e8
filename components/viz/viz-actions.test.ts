import { describe, expect, it } from "vitest";
import type { TableauVizElement, VizFilter, VizSheet, VizWorksheet } from "@/types/tableau-viz";
import { applyFieldFilter, keptValues, resetFilters, targetWorksheets } from "./viz-actions";

/** A worksheet that records the documented calls made on it (the viz API surface, not a network mock). */
function worksheet(name: string, fields: string[] = ["Region"]): VizWorksheet & { calls: string[] } {
  const calls: string[] = [];
  const check = (field: string) => {
    if (!fields.includes(field)) throw new Error(`no field ${field} on ${name}`);
  };
  return {
    name,
    sheetType: "worksheet",
    calls,
    applyFilterAsync: async (field, values, updateType) => {
      check(field);
      calls.push(`apply ${field}=${values.join(",")} ${updateType}`);
      return field;
    },
    clearFilterAsync: async (field) => {
      check(field);
      calls.push(`clear ${field}`);
      return field;
    },
    getFiltersAsync: async () => [],
  };
}

function viz(activeSheet: VizSheet, reverted: string[] = []): TableauVizElement {
  return {
    workbook: { activeSheet },
    revertAllAsync: async () => void reverted.push("revert"),
  } as unknown as TableauVizElement;
}

describe("portal controls through the Embedding API", () => {
  it("filters the active worksheet with a replace", async () => {
    const sheet = worksheet("Sales by Region");
    await applyFieldFilter(viz(sheet), "Region", ["East"]);
    expect(sheet.calls).toEqual(["apply Region=East replace"]);
  });

  it("filters every worksheet of a dashboard, tolerating one without the field", async () => {
    const a = worksheet("Sales by Region");
    const b = worksheet("Profit by Category", ["Category"]);
    const dashboard: VizSheet = { name: "Overview", sheetType: "dashboard", worksheets: [a, b] };
    expect(targetWorksheets(viz(dashboard))).toHaveLength(2);
    await applyFieldFilter(viz(dashboard), "Region", ["West"]);
    expect(a.calls).toEqual(["apply Region=West replace"]);
    await expect(applyFieldFilter(viz(dashboard), "Month", ["2024-01"])).rejects.toThrow(/no field Month/);
  });

  it("clears with an empty value list, and resets known filters or reverts", async () => {
    const sheet = worksheet("Sales by Region", ["Region", "Category"]);
    await applyFieldFilter(viz(sheet), "Region", []);
    await resetFilters(viz(sheet), { Region: ["East"], Category: ["Technology"] });
    expect(sheet.calls).toEqual(["clear Region", "clear Region", "clear Category"]);
    const reverted: string[] = [];
    await resetFilters(viz(sheet, reverted), {});
    expect(reverted).toEqual(["revert"]);
  });

  it("refuses a story (no worksheet to filter)", async () => {
    await expect(
      applyFieldFilter(viz({ name: "Story", sheetType: "story" }), "Region", ["East"]),
    ).rejects.toThrow(/no worksheet/);
  });
});

describe("keptValues", () => {
  const filter = (over: Partial<VizFilter>): VizFilter => ({
    fieldName: "Region",
    filterType: "categorical",
    ...over,
  });

  it("reads the applied values of a categorical filter", () => {
    expect(
      keptValues(filter({ appliedValues: [{ value: "East", formattedValue: "East" }, { value: "West" }] })),
    ).toEqual(["East", "West"]);
  });

  it("gives null for an all-selected or empty filter, undefined for what a viz-filter cannot say", () => {
    expect(keptValues(filter({ isAllSelected: true, appliedValues: [{ value: "East" }] }))).toBeNull();
    expect(keptValues(filter({ appliedValues: [] }))).toBeNull();
    expect(keptValues(filter({ isExcludeMode: true, appliedValues: [{ value: "East" }] }))).toBeUndefined();
    expect(keptValues(filter({ filterType: "range" }))).toBeUndefined();
  });
});
