import { inflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { markKeys, signIn, start } from "./test-helpers";

let emu: RunningEmulator;
let carol: string; // Region = East claim
let bob: string; // Viewer, Region = West
let alice: string; // admin, no claim
beforeAll(async () => {
  emu = await start();
  carol = await signIn(emu, "carol@example.com", { Region: "East" });
  bob = await signIn(emu, "bob@example.com", { Region: ["West"] });
  alice = await signIn(emu, "alice@example.com");
});
afterAll(() => emu.close());

const get = (path: string, cookie?: string) =>
  fetch(`${emu.url}${path}`, { headers: cookie ? { cookie } : {} });
const sum = (pred: (o: RunningEmulator["ctx"]["site"]["orders"][number]) => boolean) =>
  Math.round(emu.ctx.site.orders.filter(pred).reduce((s, o) => s + o.sales, 0));

describe("view pages", () => {
  it("shows only the rows of the Region claim, with a caption naming workbook, sheet and user", async () => {
    const res = await get("/t/vizport-demo/views/Superstore/SalesbyRegion?:embed=y", carol);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const page = await res.text();
    expect(markKeys(page)).toEqual(["East"]);
    expect(page).not.toMatch(/data-key="(West|Central|South)"/);
    const caption = /<div class="vz-caption"[\s\S]*?<\/h1>[\s\S]*?<\/strong>/.exec(page)![0];
    expect(caption).toContain("Superstore");
    expect(caption).toContain("Sales by Region");
    expect(caption).toContain("carol@example.com");
    const east = sum((o) => o.region === "East").toLocaleString("en-US");
    expect(page).toContain(`$${east}`);
  });

  it("without a session shows a sign-in notice and no data", async () => {
    const res = await get("/t/vizport-demo/views/Superstore/SalesbyRegion");
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain("Sign in to Tableau");
    expect(markKeys(page)).toEqual([]);
    expect(page).not.toContain("Sales by Region");
    expect(
      (await get("/t/vizport-demo/views/Superstore/SalesbyRegion", "workgroup_session_id=forged")).status,
    ).toBe(200);
  });

  it("tells a viewer without access that they need permission (Finance as bob)", async () => {
    const res = await get("/t/vizport-demo/views/ExecutiveFinance/ProfitOverview", bob);
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain("You don&#39;t have permission to access this view");
    expect(markKeys(page)).toEqual([]);
    expect((await get("/t/vizport-demo/views/ExecutiveFinance/ProfitOverview", alice)).status).toBe(200);
  });

  it("filters by query parameters, multi-valued and case-insensitive, ignoring : options", async () => {
    const path =
      "/t/vizport-demo/views/Superstore/SalesbyRegion?:embed=y&:toolbar=no&:tabs=no&:device=desktop&region=east,West&Category=Technology";
    const page = await (await get(path, alice)).text();
    expect(markKeys(page)).toEqual(["East", "West"]);
    const east = sum((o) => o.region === "East" && o.category === "Technology").toLocaleString("en-US");
    expect(page).toContain(`$${east}`);
    expect(page).not.toContain('role="tablist"');
    expect(page).not.toContain('role="toolbar"');
    const withChrome = await (await get("/t/vizport-demo/views/Superstore/SalesbyRegion", alice)).text();
    expect(withChrome).toContain('role="tablist"');
    expect(withChrome).toContain('role="toolbar"');
    // A filter cannot widen row-level security.
    expect(
      markKeys(await (await get("/t/vizport-demo/views/Superstore/SalesbyRegion?Region=West", carol)).text()),
    ).toEqual([]);
  });

  it("draws a dashboard's worksheets and lists the workbook's sheets", async () => {
    const page = await (await get("/t/vizport-demo/views/Superstore/Overview", carol)).text();
    expect(page).toContain('data-sheet="Sales by Region"');
    expect(page).toContain('data-sheet="Profit by Category"');
    const state = JSON.parse(
      /<script type="application\/json" id="vz-state">(.*?)<\/script>/.exec(page)![1]!,
    );
    expect(state.sheets.map((s: { name: string }) => s.name)).toEqual([
      "Overview",
      "Sales by Region",
      "Profit by Category",
      "Monthly Trend",
    ]);
    expect(state.sheets[0].worksheets).toEqual(["Sales by Region", "Profit by Category"]);
  });

  it("answers unknown content, and /views/ on a server without a default site, with a 404 page", async () => {
    for (const path of [
      "/t/vizport-demo/views/NoSuchWorkbook/Sheet",
      "/t/vizport-demo/views/Superstore/NoSuchSheet",
      "/views/Superstore/SalesbyRegion",
      "/t/other-site/views/Superstore/SalesbyRegion",
    ]) {
      const res = await get(path, alice);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain("was not found");
    }
  });

  it("serves the chart alone as SVG (sized) and PNG for the session", async () => {
    const svg = await get(
      "/t/vizport-demo/views/Superstore/SalesbyRegion.svg?:w=700&:h=300&Region=East",
      alice,
    );
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const text = await svg.text();
    expect(text).toContain('viewBox="0 0 700 300"');
    expect(markKeys(text)).toEqual(["East"]);
    const png = await get("/t/vizport-demo/views/Superstore/Overview.png", carol);
    expect(png.headers.get("content-type")).toBe("image/png");
    const buf = Buffer.from(await png.arrayBuffer());
    expect(buf.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(inflateSync(buf.subarray(41, 41 + buf.readUInt32BE(33))).length).toBe(540 * (960 * 3 + 1));
    expect((await get("/t/vizport-demo/views/Superstore/Overview.png")).status).toBe(401);
    expect((await get("/t/vizport-demo/views/ExecutiveFinance/ProfitOverview.png", bob)).status).toBe(403);
    const pdf = await get("/t/vizport-demo/views/Superstore/Overview.pdf", carol);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("ascii"),
    ).toBe("%PDF-");
  });

  it("shows the sign-in notice once the embed session has been idle too long", async () => {
    const cookie = await signIn(emu, "alice@example.com");
    expect(
      markKeys(await (await get("/t/vizport-demo/views/Superstore/SalesbyRegion", cookie)).text()),
    ).toHaveLength(4);
    emu.ctx.state.clockOffsetMs += 241 * 60_000;
    try {
      expect(await (await get("/t/vizport-demo/views/Superstore/SalesbyRegion", cookie)).text()).toContain(
        "Sign in to Tableau",
      );
    } finally {
      emu.ctx.state.clockOffsetMs -= 241 * 60_000;
    }
  });

  it("keeps data out of the page's script: a hostile name cannot close the state element", async () => {
    const wb = emu.ctx.site.workbooks.find((w) => w.contentUrl === "Operations")!;
    const original = wb.name;
    wb.name = "</script><img src=x onerror=alert(1)>";
    try {
      const page = await (await get("/t/vizport-demo/views/Operations/CategorySales", alice)).text();
      expect(page).not.toContain("<img src=x");
      expect(page).toContain("\\u003c/script>");
    } finally {
      wb.name = original;
    }
  });
});
