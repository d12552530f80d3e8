/** A small site for render tests, built in code so the tests do not depend on the demo data file. */
import type { Order, SiteView, SiteWorkbook } from "../core/site";

const REGIONS = ["East", "West", "Central", "South"] as const;
const CATEGORIES = ["Furniture", "Office Supplies", "Technology"] as const;

export function fixtureOrders(): Order[] {
  const orders: Order[] = [];
  let id = 1;
  for (let m = 1; m <= 6; m++) {
    REGIONS.forEach((region, r) =>
      CATEGORIES.forEach((category, c) => {
        const sales = 100 * (r + 1) + 10 * (c + 1) + m;
        orders.push({
          id: id++,
          region,
          category,
          month: `2025-0${m}`,
          sales,
          profit: c === 0 ? -5 * (r + 1) : sales / 5,
        });
      }),
    );
  }
  return orders;
}

function view(name: string, sheetUrl: string, extra: Partial<SiteView>): SiteView {
  return {
    id: `v-${sheetUrl}`,
    name,
    sheetUrl,
    sheetType: "worksheet",
    worksheets: [],
    filters: [],
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
    tags: [],
    ...extra,
  };
}

export function fixtureWorkbook(): SiteWorkbook {
  return {
    id: "wb-1",
    name: "Superstore",
    description: "",
    contentUrl: "Superstore",
    projectId: "p-sales",
    ownerId: "u-alice",
    showTabs: true,
    size: 1,
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
    tags: [],
    connections: [],
    parameters: [],
    views: [
      view("Overview", "Overview", {
        sheetType: "dashboard",
        worksheets: ["Sales by Region", "Profit by Category"],
      }),
      view("Sales by Region", "SalesbyRegion", {
        chart: { type: "bar", dimension: "region", measure: "sales" },
      }),
      view("Profit by Category", "ProfitbyCategory", {
        chart: { type: "bar", dimension: "category", measure: "profit" },
      }),
      view("Monthly Trend", "MonthlyTrend", {
        chart: { type: "line", dimension: "month", measure: "sales" },
      }),
      view("Region Summary", "RegionSummary", {
        chart: { type: "table", dimension: "region", measure: "sales" },
      }),
    ],
  };
}

export function viewNamed(wb: SiteWorkbook, name: string): SiteView {
  const v = wb.views.find((x) => x.name === name);
  if (!v) throw new Error(`no view ${name}`);
  return v;
}
