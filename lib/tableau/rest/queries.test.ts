import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { TableauError } from "../errors";
import type { TableauClient } from "./client";
import { startTestEmulator, testClient } from "../../../test/emulator-fixture";

const ALICE = "alice@example.com";
let emu: RunningEmulator;
let client: TableauClient;
beforeAll(async () => {
  emu = await startTestEmulator();
  client = testClient(emu);
});
afterAll(() => emu.close());

describe("workbooks", () => {
  it("lists the site's workbooks, reshaped, with numeric pagination", async () => {
    const page = await client.listWorkbooks(ALICE, { sort: [{ field: "name", direction: "asc" }] });
    expect(page).toMatchObject({ pageNumber: 1, pageSize: 100, totalAvailable: 4 });
    expect(page.items.map((w) => w.name)).toEqual([
      "Executive Finance",
      "Operations",
      "Regional Performance",
      "Superstore",
    ]);
    const superstore = page.items.find((w) => w.name === "Superstore");
    expect(superstore).toMatchObject({ contentUrl: "Superstore", projectName: "Sales", sizeMb: 2 });
    expect(superstore?.ownerName).not.toBe("");
    expect(superstore?.defaultViewId).toBeTypeOf("string");
  });

  it("pages, filters, sorts, and returns an empty list for no match", async () => {
    const p2 = await client.listWorkbooks(ALICE, {
      pageSize: 1,
      pageNumber: 2,
      sort: [{ field: "name", direction: "desc" }],
    });
    expect(p2).toMatchObject({ pageNumber: 2, pageSize: 1, totalAvailable: 4 });
    expect(p2.items.map((w) => w.name)).toEqual(["Regional Performance"]);
    const sales = await client.listWorkbooks(ALICE, {
      filter: [{ field: "projectName", op: "in", value: ["Sales", "Default"] }],
    });
    expect(sales.totalAvailable).toBe(3);
    const none = await client.listWorkbooks(ALICE, { filter: [{ field: "name", op: "eq", value: "Nope" }] });
    expect(none).toMatchObject({ items: [], totalAvailable: 0 });
  });

  it("shows a viewer only what their projects allow", async () => {
    const page = await client.listWorkbooks("bob@example.com");
    expect(page.items.map((w) => w.projectName)).not.toContain("Finance");
    expect(page.totalAvailable).toBe(3);
  });

  it("searches names by substring, case-insensitively, reusing one scan", async () => {
    const before = client.stats().requests;
    const hits = await client.searchWorkbooks(ALICE, { contains: "PERFORM", pageSize: 25, pageNumber: 1 });
    expect(hits.items.map((w) => w.name)).toEqual(["Regional Performance"]);
    const again = await client.searchWorkbooks(ALICE, { contains: "E", pageSize: 3, pageNumber: 2 });
    expect(again.totalAvailable).toBe(4);
    expect(again.items).toHaveLength(1);
    expect(client.stats().requests - before).toBe(1);
  });
});

describe("views, default views, projects and images", () => {
  it("finds each workbook's default view with one views request", async () => {
    const { items } = await client.listWorkbooks(ALICE);
    const before = client.stats().requests;
    const paths = await client.resolveDefaultViewPaths(ALICE, items);
    expect(client.stats().requests - before).toBe(1);
    const byName = Object.fromEntries(items.map((w) => [w.name, paths.get(w.id)]));
    expect(byName).toEqual({
      Superstore: "/views/Superstore/Overview",
      "Regional Performance": "/views/RegionalPerformance/RegionSummary",
      "Executive Finance": "/views/ExecutiveFinance/ProfitOverview",
      Operations: "/views/Operations/CategorySales",
    });
  });

  it("lists views for the site and for a workbook, and gets one", async () => {
    const site = await client.listViewsForSite(ALICE, {
      filter: [{ field: "workbookName", op: "eq", value: "Superstore" }],
    });
    expect(site.items.map((v) => v.sheetUrl).sort()).toEqual(
      ["MonthlyTrend", "Overview", "ProfitbyCategory", "SalesbyRegion"].sort(),
    );
    const first = site.items[0]!;
    expect(first.workbookContentUrl).toBe("Superstore");
    const views = await client.listWorkbookViews(ALICE, first.workbookId);
    expect(views).toHaveLength(4);
    const one = await client.getView(ALICE, first.id);
    expect(one.contentUrl).toBe(first.contentUrl);
  });

  it("answers a missing view with Tableau's 404 code", async () => {
    const err = await client.getView(ALICE, "00000000-0000-4000-8000-000000000000").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableauError);
    expect((err as TableauError).status).toBe(404);
    expect((err as TableauError).code).toMatch(/^404/);
  });

  it("lists projects the user can see", async () => {
    expect((await client.listProjects(ALICE)).map((p) => p.name).sort()).toEqual([
      "Default",
      "Finance",
      "Sales",
    ]);
    expect((await client.listProjects("bob@example.com")).map((p) => p.name)).not.toContain("Finance");
  });

  it("fetches a view image and a thumbnail as PNG bytes", async () => {
    const { items } = await client.listViewsForSite(ALICE, { pageSize: 1 });
    const view = items[0]!;
    const png = [0x89, 0x50, 0x4e, 0x47];
    const image = await client.getViewImage(ALICE, view.id, { resolution: "high" });
    expect(image.contentType).toBe("image/png");
    expect([...image.bytes.slice(0, 4)]).toEqual(png);
    const thumb = await client.getViewPreviewImage(ALICE, view.workbookId, view.id);
    expect([...thumb.bytes.slice(0, 4)]).toEqual(png);
    const wbThumb = await client.getWorkbookPreviewImage(ALICE, view.workbookId);
    expect(wbThumb.contentType).toBe("image/png");
  });
});
