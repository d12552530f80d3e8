/**
 * The toolbar's exports and the viz's text alternative: a crosstab CSV holds the rows the signed-in user may
 * see (row-level security: carol's and bob's files differ, each as the emulator's data says), an Excel export
 * from a dashboard asks which worksheet and is a valid xlsx, and the data table and the open Export panel pass
 * axe.
 */
import { readFile } from "node:fs/promises";
import type { Download } from "@playwright/test";
import { loadSiteFile } from "../emulator/core/load-site";
import { unzip } from "../emulator/testing/unzip";
import { checkAccessibility } from "./a11y/check";
import { announcer, tab } from "./a11y/keyboard";
import { DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

const orders = loadSiteFile().orders;
/** The sum the emulator's data gives, rounded to cents as its exports write it. */
function total(keep: (o: (typeof orders)[number]) => boolean, measure: "sales" | "profit"): number {
  return Math.round(orders.filter(keep).reduce((s, o) => s + o[measure], 0) * 100) / 100;
}

async function body(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

test("a crosstab CSV export holds only the rows each user may see", async ({ browser, signIn }) => {
  for (const who of ["carol", "bob"] as const) {
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    await signIn(page, who);
    const viz = new VizPage(page);
    await viz.open("/views/Superstore/SalesbyRegion");
    await viz.expectInteractive("Sales by Region");
    const [download] = await Promise.all([page.waitForEvent("download"), viz.exportAs("Crosstab (CSV)")]);
    expect(download.suggestedFilename()).toBe("Sales by Region.csv");
    const region = DEMO_USERS[who].region;
    const sales = total((o) => o.region === region, "sales");
    expect((await body(download)).toString("utf8")).toBe(`Region,Sales\r\n${region},${sales}\r\n`);
    await expect(viz.notice).toHaveText(
      "Crosstab (CSV) of Sales by Region exported: the browser has the file.",
    );
    await page.context().close();
  }
});

test("an Excel export from a dashboard asks which worksheet and is a real xlsx", async ({ page, signIn }) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/Overview");
  await viz.expectInteractive("Overview");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    viz.exportAs("Crosstab (Excel)", "Profit by Category"),
  ]);
  expect(download.suggestedFilename()).toBe("Profit by Category.xlsx");
  const bytes = await body(download);
  expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const sheet = unzip(bytes).get("xl/worksheets/sheet1.xml")!.toString("utf8");
  const furniture = total((o) => o.region === "East" && o.category === "Furniture", "profit");
  expect(sheet).toContain('>Furniture</t></is></c><c r="B2" s="2"><v>' + furniture + "</v>");
  await expect(viz.control("Export")).toBeFocused();
});

test("the data table and the open Export panel pass axe; the table opens, is announced and closes by keyboard", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/Overview");
  await viz.expectInteractive("Overview");

  const exportButton = viz.control("Export");
  await exportButton.focus();
  await page.keyboard.press("Enter");
  await expect(exportButton).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByTestId("export-menu").getByRole("button", { name: "Image (PNG)" })).toBeFocused();
  await checkAccessibility(page, "view page, Export panel open");
  await page.keyboard.press("Escape");
  await expect(exportButton).toBeFocused();
  await expect(exportButton).toHaveAttribute("aria-expanded", "false");

  const tableButton = viz.control("View data as table");
  await tab(page, tableButton);
  await page.keyboard.press("Space");
  const region = page.getByRole("region", { name: "Data of this view" });
  await expect(region).toBeFocused();
  const table = region.getByRole("table", { name: "Sales by Region" });
  await expect(table.getByRole("rowheader")).toHaveText(["East"]);
  await expect(region.getByRole("table", { name: "Profit by Category" }).getByRole("rowheader")).toHaveText([
    "Furniture",
    "Office Supplies",
    "Technology",
  ]);
  await expect(announcer(page)).toHaveText(
    "Data table. Sales by Region: 1 of 1 rows shown. Profit by Category: 3 of 3 rows shown.",
  );
  await checkAccessibility(page, "view page, data table open");
  await tab(page, region.getByRole("button", { name: "Close data table" }));
  await page.keyboard.press("Enter");
  await expect(region).toHaveCount(0);
  await expect(tableButton).toBeFocused();
});
