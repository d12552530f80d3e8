import { describe, expect, it } from "vitest";
import type { TableauVizElement, VizFilter, VizParameter, VizSheet, VizWorksheet } from "@/types/tableau-viz";
import { toggledSelection } from "./filter-chips";
import {
  pendingParameterValues,
  readFilterControls,
  readParameterControls,
  toParameterControl,
} from "./read-controls";

const dv = (value: string | number, formattedValue = String(value)) => ({ value, formattedValue });

function categorical(fieldName: string, domain: string[], applied: string[] = []): VizFilter {
  return {
    fieldName,
    filterType: "categorical",
    isExcludeMode: false,
    isAllSelected: applied.length === 0,
    appliedValues: applied.map((v) => dv(v)),
    getDomainAsync: async () => ({ values: domain.map((v) => dv(v)) }),
  };
}

/** A worksheet that answers getFiltersAsync with the filters given (the documented surface, no network). */
function worksheet(name: string, filters: VizFilter[] | Error): VizWorksheet {
  return {
    name,
    sheetType: "worksheet",
    applyFilterAsync: async (f) => f,
    clearFilterAsync: async (f) => f,
    getFiltersAsync: async () => {
      if (filters instanceof Error) throw filters;
      return filters;
    },
  };
}

function viz(activeSheet: VizSheet, parameters: VizParameter[] = []): TableauVizElement {
  return {
    workbook: {
      activeSheet,
      getParametersAsync: async () => parameters,
      changeParameterValueAsync: async () => parameters[0]!,
    },
  } as unknown as TableauVizElement;
}

describe("controls read from the viz", () => {
  it("turns a worksheet's categorical filters into chips with their domain and what they keep", async () => {
    const sheet = worksheet("A", [
      categorical("Colour", ["Red", "Blue"], ["Blue"]),
      categorical("Size", ["S", "M"]),
      { fieldName: "Amount", filterType: "range" },
      { ...categorical("Shape", ["Round"], ["Round"]), isExcludeMode: true },
    ]);
    expect(await readFilterControls(viz(sheet))).toEqual([
      { field: "Colour", values: ["Red", "Blue"], selected: ["Blue"] },
      { field: "Size", values: ["S", "M"], selected: null },
    ]);
  });

  it("merges a dashboard's worksheets by field and skips a worksheet that refuses", async () => {
    const dashboard: VizSheet = {
      name: "D",
      sheetType: "dashboard",
      worksheets: [
        worksheet("A", [categorical("colour", ["Red"])]),
        worksheet("B", [categorical("Colour", ["Red", "Green"], ["Green"])]),
        worksheet("C", new Error("not ready")),
      ],
    };
    expect(await readFilterControls(viz(dashboard))).toEqual([
      { field: "colour", values: ["Red", "Green"], selected: ["Green"] },
    ]);
  });

  it("describes list and range parameters, the list by its aliases", async () => {
    const list: VizParameter = {
      name: "Pick",
      dataType: "string",
      currentValue: dv("b", "Bee"),
      allowableValues: { type: "list", allowableValues: [dv("a", "Ay"), dv("b", "Bee")] },
    };
    const range: VizParameter = {
      name: "N",
      dataType: "int",
      currentValue: dv(3),
      allowableValues: { type: "range", minValue: dv(1), maxValue: dv(9), stepSize: 2 },
    };
    expect(toParameterControl(list)).toMatchObject({
      kind: "list",
      value: "Bee",
      options: [
        { value: "Ay", label: "Ay" },
        { value: "Bee", label: "Bee" },
      ],
    });
    expect(await readParameterControls(viz(worksheet("A", []), [range]))).toEqual([
      { name: "N", dataType: "int", kind: "range", options: [], min: 1, max: 9, step: 2, value: "3" },
    ]);
  });

  it("finds a deep link's parameter values the viz has not taken, by name in any case", () => {
    const params = [
      toParameterControl({
        name: "Top N",
        dataType: "int",
        currentValue: dv(10),
        allowableValues: { type: "all" },
      }),
    ];
    expect(pendingParameterValues(params, { "top n": ["3"], Colour: ["Red"] })).toEqual([
      { name: "Top N", value: "3" },
    ]);
    expect(pendingParameterValues(params, { "Top N": ["10"] })).toEqual([]);
    expect(pendingParameterValues(params, { "Top N": ["1", "2"] })).toEqual([]);
  });

  it("toggles a chip's value, and an emptied selection means every value", () => {
    expect(toggledSelection(null, "A")).toEqual(["A"]);
    expect(toggledSelection(["A"], "B")).toEqual(["A", "B"]);
    expect(toggledSelection(["A", "B"], "A")).toEqual(["B"]);
    expect(toggledSelection(["A"], "A")).toEqual([]);
  });
});
