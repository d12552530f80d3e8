/**
 * The emulator's <tableau-viz> exports and summary data in a real browser: exportCrosstabAsync (CSV, Excel),
 * exportDataAsync, exportPowerPointAsync, getSummaryDataAsync and its reader, with the viewer's rows only, and
 * the documented errors for a sheet outside the one shown or a format that does not exist.
 */
import type { Download, Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unzip } from "../testing/unzip";
import { startBrowserHarness, waitForEvent, type BrowserHarness } from "./browser-harness";
import { mint } from "./test-helpers";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
}, 60_000);
afterAll(async () => h?.close());

async function open(path: string, view: string, claims: Record<string, unknown>): Promise<Page> {
  const token = await mint("carol@example.com", { claims });
  const url = h.page(
    path,
    `<!doctype html><html><body>
<script type="module" src="${h.emu.url}/javascripts/api/tableau.embedding.3.latest.min.js"></script>
<tableau-viz id="viz" src="${h.emu.url}/t/vizport-demo/views/${view}" token="${token}"></tableau-viz>
<script>
  window.events = [];
  document.getElementById("viz").addEventListener("firstinteractive", () => window.events.push({ type: "firstinteractive" }));
</script></body></html>`,
  );
  const page = await (await h.browser.newContext({ acceptDownloads: true })).newPage();
  await page.goto(url);
  await waitForEvent(page, "firstinteractive");
  return page;
}

async function bytes(download: Download): Promise<Buffer> {
  return Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]);
}

/** Runs `call` on the viz in the page and returns the file it downloaded. */
async function exported(page: Page, call: string): Promise<{ name: string; body: Buffer }> {
  const download = page.waitForEvent("download");
  await page.evaluate(
    (code) => new Function("viz", `return viz.${code}`)(document.getElementById("viz")),
    call,
  );
  const file = await download;
  return { name: file.suggestedFilename(), body: await bytes(file) };
}

const errorOf = (page: Page, call: string) =>
  page.evaluate(
    (code) =>
      (new Function("viz", `return viz.${code}`)(document.getElementById("viz")) as Promise<unknown>).then(
        () => "resolved",
        (e: { errorCode: string }) => e.errorCode,
      ),
    call,
  );

describe("<tableau-viz> exports (emulator)", () => {
  it("downloads a worksheet's crosstab of the viewer's rows as CSV and Excel, from a dashboard", async () => {
    const page = await open("/exports-east", "Superstore/Overview", { Region: "East" });
    const csv = await exported(page, 'exportCrosstabAsync("Sales by Region", "csv")');
    expect(csv.name).toBe("Sales by Region.csv");
    const east = h.emu.ctx.site.orders.filter((o) => o.region === "East").reduce((s, o) => s + o.sales, 0);
    expect(csv.body.toString()).toBe(`Region,Sales\r\nEast,${Math.round(east * 100) / 100}\r\n`);

    const xlsx = await exported(page, 'exportCrosstabAsync("Profit by Category", "xlsx")');
    expect(xlsx.name).toBe("Profit by Category.xlsx");
    expect(unzip(xlsx.body).get("xl/worksheets/sheet1.xml")!.toString()).toContain(">Technology<");

    const data = await exported(page, 'exportDataAsync("Sales by Region")');
    expect(data.body.toString().split("\r\n")[0]).toBe("Region,SUM(Sales)");

    const deck = await exported(page, 'exportPowerPointAsync(["Overview", "Profit by Category"])');
    expect(deck.name).toBe("Overview.pptx");
    expect(unzip(deck.body).has("ppt/slides/slide2.xml")).toBe(true);

    expect(await errorOf(page, 'exportCrosstabAsync("Overview", "csv")')).toBe("invalid-selection-sheet");
    expect(await errorOf(page, 'exportCrosstabAsync("Monthly Trend", "csv")')).toBe(
      "invalid-selection-sheet",
    );
    expect(await errorOf(page, 'exportCrosstabAsync("Sales by Region", "pdf")')).toBe("invalid-parameter");
    expect(await errorOf(page, 'exportPowerPointAsync(["Nope"])')).toBe("invalid-selection-sheet");
    // The crosstab dialog on a dashboard with nothing selected does nothing, as Tableau's does.
    expect(await errorOf(page, 'displayDialogAsync("export-cross-tab")')).toBe("resolved");
  });

  it("reads summary data whole, bounded or by pages, and refuses a released reader", async () => {
    const page = await open("/summary-west", "Superstore/ProfitbyCategory", { Region: ["East", "West"] });
    const result = await page.evaluate(async () => {
      type Table = {
        name: string;
        totalRowCount: number;
        columns: { fieldName: string }[];
        data: unknown[][];
      };
      const sheet = (
        document.getElementById("viz") as unknown as {
          workbook: {
            activeSheet: {
              getSummaryDataAsync: (o?: object) => Promise<Table>;
              getSummaryDataReaderAsync: (n: number) => Promise<{
                pageCount: number;
                totalRowCount: number;
                getPageAsync: (n: number) => Promise<Table>;
                releaseAsync: () => Promise<void>;
              }>;
            };
          };
        }
      ).workbook.activeSheet;
      const all = await sheet.getSummaryDataAsync();
      const first = await sheet.getSummaryDataAsync({ maxRows: 1 });
      const reader = await sheet.getSummaryDataReaderAsync(2);
      const second = await reader.getPageAsync(1);
      await reader.releaseAsync();
      const released = await reader.getPageAsync(0).then(
        () => "read",
        (e: { errorCode: string }) => e.errorCode,
      );
      return {
        name: all.name,
        columns: all.columns.map((c) => c.fieldName),
        rows: all.data.length,
        first: [first.data.length, first.totalRowCount],
        pages: [reader.pageCount, reader.totalRowCount, second.data.length],
        released,
      };
    });
    expect(result).toEqual({
      name: "Profit by Category",
      columns: ["Category", "SUM(Profit)"],
      rows: 3,
      first: [1, 3],
      pages: [2, 3, 1],
      released: "internal-error",
    });
  });
});
