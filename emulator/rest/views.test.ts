import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, signIn, type Signed } from "../testing/rest-client";
import { errorSchema, viewsPageSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url);
  bob = await signIn(emu.url, { sub: "bob@example.com", claims: { Region: "West" } });
});
afterAll(() => emu.close());

const site = (s: Signed) => `${emu.url}${API}/sites/${s.siteId}`;
const views = async (s: Signed, query = "") =>
  viewsPageSchema.parse((await getJson(`${site(s)}/views${query}`, s.token)).body);
const viewId = async (contentUrl: string) =>
  (await views(alice, `?filter=contentUrl:eq:${contentUrl}`)).views.view![0]!.id;

describe("Query Views for Site", () => {
  it("lists views with workbook, project and owner ids and REST contentUrls", async () => {
    const all = await views(alice);
    expect(all.pagination?.totalAvailable).toBe("9");
    const v = all.views.view?.find((x) => x.name === "Sales by Region");
    expect(v).toMatchObject({
      contentUrl: "Superstore/sheets/SalesbyRegion",
      viewUrlName: "SalesbyRegion",
      sheetType: "worksheet",
      workbook: { id: expect.any(String) },
      project: { id: expect.any(String) },
      owner: { id: expect.any(String) },
    });
  });

  it("limits views by permission", async () => {
    const names = (await views(bob)).views.view?.map((v) => v.name) ?? [];
    expect(names).toHaveLength(7);
    expect(names).not.toContain("Finance Dashboard");
  });

  it("filters on workbookName, projectName, sheetType and name; sorts; pages", async () => {
    const names = async (q: string) => (await views(alice, q)).views.view?.map((v) => v.name) ?? [];
    expect(await names("?filter=workbookName:eq:Superstore,sheetType:eq:dashboard")).toEqual(["Overview"]);
    expect(await names("?filter=projectName:eq:Finance&sort=name:desc")).toEqual([
      "Profit Overview",
      "Finance Dashboard",
    ]);
    expect(await names("?filter=name:in:[Region Profit,Category Sales]&sort=name:asc")).toEqual([
      "Category Sales",
      "Region Profit",
    ]);
    expect(await names("?filter=ownerName:eq:carol@example.com")).toEqual([
      "Region Summary",
      "Region Profit",
    ]);
    const p2 = await views(alice, "?pageSize=4&pageNumber=3&sort=name:asc");
    expect(p2.pagination).toEqual({ pageNumber: "3", pageSize: "4", totalAvailable: "9" });
    expect(p2.views.view).toHaveLength(1);
  });

  it("rejects a filter on an unknown field with a clear 400", async () => {
    const res = await getJson(`${site(alice)}/views?filter=colour:eq:red`, alice.token);
    expect(res.status).toBe(400);
    expect(errorSchema.parse(res.body).error.detail).toContain("colour");
  });
});

describe("Get View", () => {
  it("returns one view", async () => {
    const id = await viewId("Superstore/sheets/MonthlyTrend");
    const res = await getJson(`${site(alice)}/views/${id}`, alice.token);
    expect(res.body).toMatchObject({
      view: { id, name: "Monthly Trend", contentUrl: "Superstore/sheets/MonthlyTrend" },
    });
  });

  it("answers an unknown view, and one the user may not see, with 404011", async () => {
    const finance = await viewId("ExecutiveFinance/sheets/ProfitOverview");
    for (const [who, id] of [
      [alice, "nope"],
      [bob, finance],
    ] as const) {
      const res = await getJson(`${site(who)}/views/${id}`, who.token);
      expect(res.status).toBe(404);
      expect(errorSchema.parse(res.body).error.code).toBe("404011");
    }
  });
});

describe("images", () => {
  const PNG_MAGIC = "89504e470d0a1a0a";
  const image = async (s: Signed, path: string) => {
    const res = await fetch(`${site(s)}${path}`, { headers: { "x-tableau-auth": s.token } });
    return {
      status: res.status,
      type: res.headers.get("content-type"),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

  it("renders a view image as a PNG, larger at resolution=high", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const normal = await image(alice, `/views/${id}/image`);
    expect(normal.status).toBe(200);
    expect(normal.type).toBe("image/png");
    expect(normal.bytes.subarray(0, 8).toString("hex")).toBe(PNG_MAGIC);
    const high = await image(alice, `/views/${id}/image?resolution=high`);
    expect(size(high.bytes)[0]).toBeGreaterThan(size(normal.bytes)[0]!);
  });

  it("applies vf_ filters and row-level security to the picture", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const all = await image(alice, `/views/${id}/image`);
    const east = await image(alice, `/views/${id}/image?vf_Region=East`);
    const bobs = await image(bob, `/views/${id}/image`);
    expect(east.bytes.equals(all.bytes)).toBe(false);
    expect(bobs.bytes.equals(all.bytes)).toBe(false);
  });

  it("renders workbook and view thumbnails", async () => {
    const id = await viewId("Superstore/sheets/Overview");
    const wb = (await views(alice, "?filter=workbookName:eq:Superstore")).views.view![0]!.workbook!.id;
    for (const path of [`/workbooks/${wb}/previewImage`, `/workbooks/${wb}/views/${id}/previewImage`]) {
      const res = await image(alice, path);
      expect(res.status).toBe(200);
      expect(res.bytes.subarray(0, 8).toString("hex")).toBe(PNG_MAGIC);
    }
  });

  it("needs tableau:views:download", async () => {
    const readOnly = await signIn(emu.url, { scopes: ["tableau:content:read"] });
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const res = await getJson(`${site(readOnly)}/views/${id}/image`, readOnly.token);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error).toMatchObject({ code: "401002" });
  });

  it("rejects a bad resolution with a 400", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    expect((await image(alice, `/views/${id}/image?resolution=huge`)).status).toBe(400);
  });

  it("answers a view of another workbook in the thumbnail path with 404", async () => {
    const id = await viewId("Operations/sheets/CategorySales");
    const wb = (await views(alice, "?filter=workbookName:eq:Superstore")).views.view![0]!.workbook!.id;
    expect((await image(alice, `/workbooks/${wb}/views/${id}/previewImage`)).status).toBe(404);
  });
});
