/**
 * Builds the demo site (`emulator/data/demo-site.json`) from code, so the committed JSON can be regenerated
 * and reviewed: `npx tsx emulator/generate/write-demo-site.ts`. The JSON, not this code, is what the emulator
 * loads; ids and orders are fixed by the seed and names below.
 */
import type { SiteData, SiteView, SiteWorkbook } from "../core/site";
import { demoParameters, demoSheetFilters } from "./demo-controls";
import { demoOrders } from "./demo-orders";
import { stableUuid } from "./prng";

export const DEMO_CLIENT_ID = "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
export const DEMO_SECRET_ID = "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d";
export const DEMO_SECRET_VALUE = "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68";
export const DEMO_ALLOWLIST = [3000, 3001, 3100, 3101, 3102, 8900, 8910].map((p) => `http://localhost:${p}`);

const CREATED = "2025-01-15T09:00:00Z";
const UPDATED = "2025-06-02T14:30:00Z";

type ViewSpec = Pick<SiteView, "name" | "sheetUrl" | "sheetType" | "chart" | "worksheets">;

function view(workbook: string, spec: ViewSpec): SiteView {
  return {
    id: stableUuid(`view:${workbook}/${spec.sheetUrl}`),
    ...spec,
    filters: spec.sheetType === "worksheet" ? demoSheetFilters(spec.name) : [],
    createdAt: CREATED,
    updatedAt: UPDATED,
    tags: [],
  };
}

function workbook(
  name: string,
  contentUrl: string,
  project: string,
  owner: string,
  size: number,
  views: ViewSpec[],
  tags: string[] = [],
): SiteWorkbook {
  return {
    id: stableUuid(`workbook:${contentUrl}`),
    name,
    description: `${name} (demo workbook)`,
    contentUrl,
    projectId: stableUuid(`project:${project}`),
    ownerId: stableUuid(`user:${owner}`),
    showTabs: true,
    size,
    createdAt: CREATED,
    updatedAt: UPDATED,
    tags,
    views: views.map((v) => view(contentUrl, v)),
    connections: [
      { id: stableUuid(`connection:${contentUrl}/${ORDERS_SOURCE}`), datasourceId: ORDERS_SOURCE_ID },
    ],
    parameters: demoParameters(contentUrl),
  };
}

/** The published data source every demo workbook draws its orders from. */
const ORDERS_SOURCE = "SuperstoreOrders";
const ORDERS_SOURCE_ID = stableUuid(`datasource:${ORDERS_SOURCE}`);

export function demoDatasources(): SiteData["datasources"] {
  return [
    {
      id: ORDERS_SOURCE_ID,
      name: "Superstore Orders",
      description: "Orders by region, category and month (the demo's sample data).",
      contentUrl: ORDERS_SOURCE,
      projectId: stableUuid("project:Sales"),
      ownerId: stableUuid("user:alice@example.com"),
      type: "hyper",
      hasExtracts: true,
      isCertified: true,
      createdAt: CREATED,
      updatedAt: UPDATED,
      tags: ["sales"],
    },
  ];
}

/** Tableau's built-in All Users, and the portal's demo group (data/directory.json gives alice "Portal Admins"). */
export function demoGroups(): SiteData["groups"] {
  return [
    { id: stableUuid("group:All Users"), name: "All Users", allUsers: true, memberIds: [] },
    {
      id: stableUuid("group:Portal Admins"),
      name: "Portal Admins",
      allUsers: false,
      memberIds: [stableUuid("user:alice@example.com")],
    },
  ];
}

const ws = (
  name: string,
  sheetUrl: string,
  type: "bar" | "line" | "table",
  dimension: "region" | "category" | "month",
  measure: "sales" | "profit",
): ViewSpec => ({
  name,
  sheetUrl,
  sheetType: "worksheet",
  chart: { type, dimension, measure },
  worksheets: [],
});
const dash = (name: string, sheetUrl: string, worksheets: string[]): ViewSpec => ({
  name,
  sheetUrl,
  sheetType: "dashboard",
  worksheets,
});

export function demoWorkbooks(): SiteWorkbook[] {
  return [
    workbook(
      "Superstore",
      "Superstore",
      "Sales",
      "alice@example.com",
      2,
      [
        dash("Overview", "Overview", ["Sales by Region", "Profit by Category"]),
        ws("Sales by Region", "SalesbyRegion", "bar", "region", "sales"),
        ws("Profit by Category", "ProfitbyCategory", "bar", "category", "profit"),
        ws("Monthly Trend", "MonthlyTrend", "line", "month", "sales"),
      ],
      ["sales", "demo"],
    ),
    workbook(
      "Regional Performance",
      "RegionalPerformance",
      "Sales",
      "carol@example.com",
      1,
      [
        ws("Region Summary", "RegionSummary", "table", "region", "sales"),
        ws("Region Profit", "RegionProfit", "bar", "region", "profit"),
      ],
      ["sales"],
    ),
    workbook(
      "Executive Finance",
      "ExecutiveFinance",
      "Finance",
      "alice@example.com",
      1,
      [
        ws("Profit Overview", "ProfitOverview", "line", "month", "profit"),
        dash("Finance Dashboard", "FinanceDashboard", ["Profit Overview"]),
      ],
      ["finance"],
    ),
    workbook("Operations", "Operations", "Default", "alice@example.com", 1, [
      ws("Category Sales", "CategorySales", "bar", "category", "sales"),
    ]),
  ];
}

export function demoSite(): SiteData {
  const user = (name: string, fullName: string, siteRole: SiteData["users"][number]["siteRole"]) => ({
    id: stableUuid(`user:${name}`),
    name,
    fullName,
    email: name,
    siteRole,
  });
  const project = (name: string, description: string, visibleTo: "all" | "admins") => ({
    id: stableUuid(`project:${name}`),
    name,
    description,
    visibleTo,
  });
  return {
    site: { id: stableUuid("site:vizport-demo"), name: "Vizport Demo", contentUrl: "vizport-demo" },
    serverInfo: { productVersion: "2025.3.0", build: "20253.25.0101.0000", restApiVersion: "3.28" },
    connectedApps: [
      {
        clientId: DEMO_CLIENT_ID,
        name: "Vizport demo portal",
        enabled: true,
        domainAllowlist: DEMO_ALLOWLIST,
        secrets: [{ id: DEMO_SECRET_ID, value: DEMO_SECRET_VALUE }],
      },
    ],
    projects: [
      project("Default", "The default project that was automatically created by Tableau.", "all"),
      project("Sales", "Sales dashboards for every team.", "all"),
      project("Finance", "Finance reporting: site administrators only.", "admins"),
    ],
    users: [
      user("alice@example.com", "Alice Admin", "SiteAdministratorCreator"),
      user("bob@example.com", "Bob Viewer", "Viewer"),
      user("carol@example.com", "Carol Explorer", "Explorer"),
    ],
    groups: demoGroups(),
    datasources: demoDatasources(),
    workbooks: demoWorkbooks(),
    orders: demoOrders(),
  };
}
