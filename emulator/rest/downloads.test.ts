import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteFile } from "../core/load-site";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, getXml, signIn, xmlErrorCode, type Signed } from "../testing/rest-client";
import { unzip } from "../testing/unzip";
import { errorSchema, viewsPageSchema } from "../testing/wire";
import { readXmlTags } from "./xml";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
let carol: Signed;
const SCOPES = ["tableau:content:read", "tableau:views:download"];
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url, { scopes: SCOPES });
  bob = await signIn(emu.url, { sub: "bob@example.com", scopes: SCOPES, claims: { Region: "West" } });
  carol = await signIn(emu.url, { sub: "carol@example.com", scopes: SCOPES, claims: { Region: "East" } });
});
afterAll(() => emu.close());

const site = (s: Signed) => `${emu.url}${API}/sites/${s.siteId}`;
const viewId = async (contentUrl: string) =>
  viewsPageSchema.parse(
    (await getJson(`${site(alice)}/views?filter=contentUrl:eq:${contentUrl}`, alice.token)).body,
  ).views.view![0]!.id;
async function get(s: Signed, path: string) {
  const res = await fetch(`${site(s)}${path}`, { headers: { "x-tableau-auth": s.token } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const csv = async (s: Signed, path: string) => (await get(s, path)).bytes.toString("utf8");
const mediaBoxes = (pdf: Buffer) =>
  [...pdf.toString("latin1").matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => m[1]);

describe("Download View Data (CSV)", () => {
  it("writes the worksheet's rows as CSV, with vf_ filters", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const res = await get(alice, `/views/${id}/data`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="SalesbyRegion.csv"');
    const lines = res.bytes.toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Region,Sales");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["Central", "East", "South", "West"]);
    expect(await csv(alice, `/views/${id}/data?vf_Region=East,west`)).toMatch(
      /^Region,Sales\r\nEast,[\d.]+\r\nWest,[\d.]+\r\n$/,
    );
  });

  it("shows each user only their rows (row-level security), whatever the filters ask", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    expect(await csv(bob, `/views/${id}/data`)).toMatch(/^Region,Sales\r\nWest,[\d.]+\r\n$/);
    expect(await csv(bob, `/views/${id}/data?vf_Region=East`)).toBe("Region,Sales\r\n");
  });

  it("exports a dashboard's first worksheet in alphabetical order", async () => {
    const id = await viewId("Superstore/sheets/Overview");
    expect((await csv(alice, `/views/${id}/data`)).split("\r\n")[0]).toBe("Category,Profit");
  });
});

describe("Download View Crosstab Excel", () => {
  it("answers an .xlsx whose sheet holds the user's rows", async () => {
    const id = await viewId("RegionalPerformance/sheets/RegionSummary");
    const res = await get(carol, `/views/${id}/crosstab/excel?vf_Category=Technology`);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const files = unzip(res.bytes);
    const cells = readXmlTags(files.get("xl/worksheets/sheet1.xml")!.toString()).filter(
      (t) => t.name === "c",
    );
    expect(cells.map((c) => c.attributes.r)).toEqual(["A1", "B1", "A2", "B2"]);
    expect(files.get("xl/worksheets/sheet1.xml")!.toString()).toContain('<t xml:space="preserve">East</t>');
    const sheet = readXmlTags(files.get("xl/workbook.xml")!.toString()).find((t) => t.name === "sheet");
    expect(sheet?.attributes.name).toBe("Region Summary");
  });
});

describe("Download View PDF and Download Workbook PDF", () => {
  it("sizes the page by type and orientation (default Legal, Portrait)", async () => {
    const id = await viewId("Superstore/sheets/MonthlyTrend");
    const legal = await get(alice, `/views/${id}/pdf`);
    expect(legal.headers.get("content-type")).toBe("application/pdf");
    expect(legal.bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    expect(mediaBoxes(legal.bytes)).toEqual(["0 0 612 1008"]);
    expect(mediaBoxes((await get(alice, `/views/${id}/pdf?type=a4&orientation=Landscape`)).bytes)).toEqual([
      "0 0 842 595",
    ]);
  });

  it("draws the filtered, row-level-secured data", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const all = (await get(alice, `/views/${id}/pdf`)).bytes;
    expect((await get(alice, `/views/${id}/pdf?vf_Region=East`)).bytes.equals(all)).toBe(false);
    expect((await get(bob, `/views/${id}/pdf`)).bytes.equals(all)).toBe(false);
    expect(
      (await get(bob, `/views/${id}/pdf`)).bytes.equals(
        (await get(alice, `/views/${id}/pdf?vf_Region=West`)).bytes,
      ),
    ).toBe(true);
  });

  it("puts every view of a workbook with tabs on its own page, only the first without tabs", async () => {
    const wb = (await getJson(`${site(alice)}/workbooks?filter=name:eq:Superstore`, alice.token)).body as {
      workbooks: { workbook: Array<{ id: string }> };
    };
    const id = wb.workbooks.workbook[0]!.id;
    const pdf = (await get(alice, `/workbooks/${id}/pdf?type=Letter`)).bytes;
    expect(mediaBoxes(pdf)).toEqual(Array(4).fill("0 0 612 792"));
    expect(pdf.toString("latin1")).toContain("(Superstore / Monthly Trend) Tj");

    const data = loadSiteFile();
    data.workbooks.find((w) => w.contentUrl === "Superstore")!.showTabs = false;
    const noTabs = await startEmulator({ port: 0, quiet: true, data });
    try {
      const s = await signIn(noTabs.url, { scopes: SCOPES });
      const res = await fetch(`${noTabs.url}${API}/sites/${s.siteId}/workbooks/${id}/pdf`, {
        headers: { "x-tableau-auth": s.token },
      });
      expect(mediaBoxes(Buffer.from(await res.arrayBuffer()))).toHaveLength(1);
    } finally {
      await noTabs.close();
    }
  });
});

describe("maxAge", () => {
  it("serves a rendering again within maxAge minutes, with its Age, and renders afresh after", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const first = await get(alice, `/views/${id}/pdf?maxAge=5`);
    expect(first.headers.get("age")).toBe("0");
    await fetch(`${emu.url}/__emulator/clock`, {
      method: "POST",
      body: JSON.stringify({ offsetSeconds: 120 }),
    });
    const again = await get(alice, `/views/${id}/pdf?maxAge=5`);
    expect(Number(again.headers.get("age"))).toBeGreaterThanOrEqual(120);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect((await get(alice, `/views/${id}/pdf?maxAge=1`)).headers.get("age")).toBe("0");
    await fetch(`${emu.url}/__emulator/clock`, {
      method: "POST",
      body: JSON.stringify({ offsetSeconds: 360 }),
    });
    expect((await get(alice, `/views/${id}/pdf?maxAge=5`)).headers.get("age")).toBe("0");
    expect((await get(alice, `/views/${id}/pdf`)).headers.get("age")).toBeNull();
    // Back to real time, so the tokens later tests mint are not expired on the emulator's clock.
    await fetch(`${emu.url}/__emulator/clock`, {
      method: "POST",
      body: JSON.stringify({ offsetSeconds: -480 }),
    });
  });

  it("never serves one user's cached rows to another", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const bobs = await csv(bob, `/views/${id}/data?maxAge=60`);
    const carols = await csv(carol, `/views/${id}/data?maxAge=60`);
    expect(bobs).toContain("West");
    expect(carols).toContain("East");
    expect(carols).not.toContain("West");
  });

  it("rejects a maxAge that is not a whole number of minutes, in JSON and XML", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const res = await getJson(`${site(alice)}/views/${id}/data?maxAge=soon`, alice.token);
    expect(res.status).toBe(400);
    expect(errorSchema.parse(res.body).error.detail).toContain("maxAge");
    expect(xmlErrorCode((await getXml(`${site(alice)}/views/${id}/pdf?maxAge=-1`, alice.token)).tags)).toBe(
      "400000",
    );
  });
});

describe("download errors", () => {
  it("answers a bad page type or orientation with 400000 naming it", async () => {
    const id = await viewId("Superstore/sheets/SalesbyRegion");
    const res = await getJson(`${site(alice)}/views/${id}/pdf?type=Napkin`, alice.token);
    expect(errorSchema.parse(res.body).error).toMatchObject({ code: "400000" });
    expect(errorSchema.parse(res.body).error.detail).toContain("Napkin");
    const xml = await getXml(`${site(alice)}/views/${id}/pdf?orientation=Sideways`, alice.token);
    expect(xmlErrorCode(xml.tags)).toBe("400000");
  });

  it("answers a view the user may not see with 404011 and a session without the scope with 401002", async () => {
    const finance = await viewId("ExecutiveFinance/sheets/ProfitOverview");
    for (const path of ["pdf", "data", "crosstab/excel"]) {
      const res = await getJson(`${site(bob)}/views/${finance}/${path}`, bob.token);
      expect(errorSchema.parse(res.body).error.code).toBe("404011");
    }
    const readOnly = await signIn(emu.url, { scopes: ["tableau:content:read"] });
    const res = await getJson(`${site(readOnly)}/views/${finance}/data`, readOnly.token);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.detail).toContain("tableau:views:download");
  });
});
