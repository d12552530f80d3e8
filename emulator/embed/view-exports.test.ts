import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { unzip } from "../testing/unzip";
import { signIn, start } from "./test-helpers";

let emu: RunningEmulator;
let carol: string; // Region = East claim
let bob: string; // Region = West claim
let alice: string; // admin, no claim
beforeAll(async () => {
  emu = await start();
  carol = await signIn(emu, "carol@example.com", { Region: "East" });
  bob = await signIn(emu, "bob@example.com", { Region: ["West"] });
  alice = await signIn(emu, "alice@example.com");
});
afterAll(() => emu.close());

const BASE = "/t/vizport-demo/views";
const get = (path: string, cookie?: string) =>
  fetch(`${emu.url}${BASE}/${path}`, { headers: cookie ? { cookie } : {} });
const salesOf = (region: string, category?: string) =>
  Math.round(
    emu.ctx.site.orders
      .filter((o) => o.region === region && (!category || o.category === category))
      .reduce((s, o) => s + o.sales, 0) * 100,
  ) / 100;

describe("view page exports (crosstab, summary data, slides)", () => {
  it("gives each session the crosstab CSV of its own rows", async () => {
    const res = await get("Superstore/SalesbyRegion.csv", carol);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="SalesbyRegion.csv"');
    expect(await res.text()).toBe(`Region,Sales\r\nEast,${salesOf("East")}\r\n`);
    const west = await (await get("Superstore/SalesbyRegion.csv", bob)).text();
    expect(west).toBe(`Region,Sales\r\nWest,${salesOf("West")}\r\n`);
    // A query filter narrows within the claim and never widens it.
    expect(await (await get("Superstore/SalesbyRegion.csv?Region=West", carol)).text()).toBe(
      "Region,Sales\r\n",
    );
    const tech = await (await get("Superstore/SalesbyRegion.csv?Category=Technology", alice)).text();
    expect(tech.split("\r\n")).toContain(`East,${salesOf("East", "Technology")}`);
  });

  it("writes the crosstab as a real xlsx package", async () => {
    const res = await get("Superstore/SalesbyRegion.xlsx", bob);
    expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const sheet = unzip(bytes).get("xl/worksheets/sheet1.xml")!.toString();
    expect(sheet).toContain('<t xml:space="preserve">West</t>');
    expect(sheet).not.toContain(">East<");
  });

  it("answers a worksheet's summary data as JSON, and refuses without a session", async () => {
    const res = await get("Superstore/ProfitbyCategory.json", carol);
    const body = (await res.json()) as { name: string; columns: { fieldName: string }[]; rows: unknown[][] };
    expect(body.name).toBe("Profit by Category");
    expect(body.columns.map((c) => c.fieldName)).toEqual(["Category", "SUM(Profit)"]);
    expect(body.rows.map((r) => r[0])).toEqual(["Furniture", "Office Supplies", "Technology"]);
    expect((await get("Superstore/SalesbyRegion.json")).status).toBe(401);
    expect((await get("ExecutiveFinance/ProfitOverview.csv", bob)).status).toBe(403);
  });

  it("builds a deck with one slide and picture per sheet asked for", async () => {
    const one = unzip(Buffer.from(await (await get("Superstore/Overview.pptx", carol)).arrayBuffer()));
    expect([...one.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))).toEqual([
      "ppt/slides/slide1.xml",
    ]);
    expect(one.get("ppt/media/image1.png")!.subarray(1, 4).toString()).toBe("PNG");
    expect(one.get("ppt/slides/slide1.xml")!.toString()).toContain("<a:t>Overview</a:t>");
    const res = await get("Superstore/Overview.pptx?:slides=SalesbyRegion,ProfitbyCategory", carol);
    const two = unzip(Buffer.from(await res.arrayBuffer()));
    expect(two.get("ppt/slides/slide2.xml")!.toString()).toContain("<a:t>Profit by Category</a:t>");
    expect(two.get("ppt/presentation.xml")!.toString()).toContain('<p:sldId id="257" r:id="rId3"/>');
    expect((await get("Superstore/Overview.pptx?:slides=Nope", carol)).status).toBe(400);
  });
});
