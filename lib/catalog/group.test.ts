import { describe, expect, it } from "vitest";
import type { View, Workbook } from "@/lib/tableau/rest";
import { groupCatalog, limitCatalog, pickViews } from "./group";

function view(
  id: string,
  name: string,
  workbookId: string,
  wbUrl: string,
  sheetUrl: string,
  project: string,
): View {
  return {
    id,
    name,
    contentUrl: `${wbUrl}/sheets/${sheetUrl}`,
    workbookId,
    workbookContentUrl: wbUrl,
    sheetUrl,
    sheetType: "worksheet",
    projectId: `p-${project}`,
    projectName: project,
    ownerId: "o",
    createdAt: "",
    updatedAt: "",
    tags: id === "v3" ? ["money"] : [],
  };
}

function workbook(id: string, name: string): Workbook {
  return {
    id,
    name,
    description: "",
    contentUrl: name,
    projectId: "",
    projectName: "",
    ownerId: "",
    ownerName: "",
    createdAt: "",
    updatedAt: "",
    sizeMb: 1,
    tags: [],
  };
}

const views = [
  view("v2", "Sales by Region", "w1", "Superstore", "SalesbyRegion", "Sales"),
  view("v1", "Overview", "w1", "Superstore", "Overview", "Sales"),
  view("v3", "Profit Overview", "w2", "ExecutiveFinance", "ProfitOverview", "Finance"),
];
const workbooks = [workbook("w1", "Superstore"), workbook("w2", "Executive Finance")];

describe("groupCatalog", () => {
  it("groups by project then workbook, sorted by name, with portal paths and thumbnail routes", () => {
    const catalog = groupCatalog(views, workbooks);
    expect(catalog.total).toBe(3);
    expect(catalog.shown).toBe(3);
    expect(catalog.projects.map((p) => p.name)).toEqual(["Finance", "Sales"]);
    const sales = catalog.projects[1]!;
    expect(sales.workbooks[0]!.name).toBe("Superstore");
    expect(sales.workbooks[0]!.views.map((v) => v.name)).toEqual(["Overview", "Sales by Region"]);
    expect(sales.workbooks[0]!.views[1]).toMatchObject({
      path: "/views/Superstore/SalesbyRegion",
      thumbnailUrl: "/api/thumbnails/w1/v2",
    });
    expect(catalog.projects[0]!.workbooks[0]!.name).toBe("Executive Finance");
  });

  it("searches view, workbook, project and tag names, case-insensitively", () => {
    expect(groupCatalog(views, workbooks, "REGION").shown).toBe(1);
    expect(groupCatalog(views, workbooks, "overview").shown).toBe(2);
    expect(groupCatalog(views, workbooks, "executive").projects.map((p) => p.name)).toEqual(["Finance"]);
    expect(groupCatalog(views, workbooks, "money").shown).toBe(1);
    const none = groupCatalog(views, workbooks, "nothing like this");
    expect(none).toMatchObject({ shown: 0, total: 3, projects: [] });
  });

  it("falls back to the workbook's URL name when the workbook list lacks it", () => {
    expect(groupCatalog(views.slice(0, 1), []).projects[0]!.workbooks[0]!.name).toBe("Superstore");
  });

  it("takes the project name from the workbook when the view carries only the project id", () => {
    const bare = views.map((v) => ({ ...v, projectName: "" }));
    const named = [
      { ...workbook("w1", "Superstore"), projectName: "Sales" },
      workbook("w2", "Executive Finance"),
    ];
    expect(groupCatalog(bare, named).projects.map((p) => p.name)).toEqual(["Other", "Sales"]);
  });
});

describe("limitCatalog", () => {
  it("keeps the first views in the order shown, and the counts of all", () => {
    const full = groupCatalog(views, workbooks);
    const two = limitCatalog(full, 2);
    expect(two).toMatchObject({ total: 3, shown: 3, listed: 2 });
    // Finance first (one view), then Sales' first view by name.
    expect(two.projects.flatMap((p) => p.workbooks.flatMap((w) => w.views.map((v) => v.name)))).toEqual([
      "Profit Overview",
      "Overview",
    ]);
    expect(limitCatalog(full, 3)).toBe(full);
    expect(limitCatalog(groupCatalog(views, workbooks, "region"), 2)).toMatchObject({ shown: 1, listed: 1 });
  });
});

describe("pickViews", () => {
  it("finds the asked views in the order asked, past a limited page, and drops the unknown", () => {
    const full = groupCatalog(views, workbooks);
    const [first, second, third] = views.map((v) => `${v.workbookContentUrl}/sheets/${v.sheetUrl}`);
    const picked = pickViews(full, [third!, "Gone/sheets/Away", first!]);
    expect(picked.map((v) => v.id)).toEqual([views[2]!.id, views[0]!.id]);
    expect(limitCatalog(full, 1).listed).toBe(1);
    expect(pickViews(full, [second!])[0]!.path).toBe(
      `/views/${views[1]!.workbookContentUrl}/${views[1]!.sheetUrl}`,
    );
  });
});

describe("asTableauError", () => {
  it("reads a TableauError by shape, whichever bundle's class made it", async () => {
    const { asTableauError } = await import("./tableau-error-shape");
    const { TableauError } = await import("@/lib/tableau/errors");
    const real = new TableauError({ code: "401001", summary: "Signin Error", detail: "x (5)", status: 401 });
    expect(asTableauError(real)).toEqual({ code: "401001", status: 401, connectedAppCode: 5 });
    const foreign = Object.assign(new Error("y"), { name: "TableauError", code: "404006", status: 404 });
    expect(asTableauError(foreign)).toEqual({ code: "404006", status: 404 });
    expect(asTableauError(new Error("z"))).toBeNull();
    expect(asTableauError("TableauError")).toBeNull();
  });
});
