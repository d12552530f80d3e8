/**
 * The demo workbooks' own controls: each worksheet's quick filters and each workbook's parameters, so a portal
 * can build its controls from the viz (getFiltersAsync, getParametersAsync) and find views that differ.
 */
import type { SiteParameter } from "../core/parameters";
import type { SiteView } from "../core/site";
import { stableUuid } from "./prng";

type Field = SiteView["filters"][number];

/** Worksheet name → its quick filters. "Profit by Category" has no Region filter on purpose. */
const SHEET_FILTERS: Record<string, Field[]> = {
  "Sales by Region": ["Region", "Category"],
  "Profit by Category": ["Category"],
  "Monthly Trend": ["Region", "Category"],
  "Region Summary": ["Region"],
  "Region Profit": ["Region"],
  "Profit Overview": ["Category"],
  "Category Sales": ["Category", "Region"],
};

export function demoSheetFilters(name: string): Field[] {
  return SHEET_FILTERS[name] ?? [];
}

/** Workbook contentUrl → its parameters. */
export function demoParameters(workbook: string): SiteParameter[] {
  const id = (name: string) => stableUuid(`parameter:${workbook}/${name}`);
  if (workbook === "Superstore")
    return [
      {
        id: id("Top N"),
        name: "Top N",
        dataType: "int",
        value: 10,
        allowable: { type: "range", min: 1, max: 10, step: 1 },
        effect: "top-n",
      },
    ];
  if (workbook === "RegionalPerformance")
    return [
      {
        id: id("Measure"),
        name: "Measure",
        dataType: "string",
        value: "sales",
        allowable: {
          type: "list",
          values: [
            { value: "sales", alias: "Sales" },
            { value: "profit", alias: "Profit" },
          ],
        },
        effect: "measure",
      },
    ];
  return [];
}
