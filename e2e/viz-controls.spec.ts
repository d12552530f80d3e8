/**
 * The portal's controls around the viz (server library): the viz's own filter chips (here its Region filter),
 * exports, reset, a remount that keeps the chosen filters, and deep links.
 */
import { readFile } from "node:fs/promises";
import { expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

const VIEW = "/views/Superstore/SalesbyRegion";
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

test.use({ baseURL: PORTAL_URLS.server });

test("a Region button filters the viz, and Reset filters brings every region back", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open(VIEW);
  await viz.expectInteractive("Sales by Region");
  await viz.expectRegions(["Central", "East", "South", "West"]);

  await viz.regionButton("West").click();
  await viz.expectRegions(["West"]);
  await expect(viz.regionButton("West")).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]Region=West\b/);

  await viz.control("Reset filters").click();
  await viz.expectRegions(["Central", "East", "South", "West"]);
  await expect(viz.regionButton("All")).toHaveAttribute("aria-pressed", "true");
});

test("filters chosen in the viz survive a remount", async ({ page, signIn }) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open(VIEW);
  await viz.expectInteractive("Sales by Region");
  await viz.regionButton("South").click();
  await viz.expectRegions(["South"]);

  await viz.control("Reload").click();
  await viz.expectInteractive("Sales by Region");
  await viz.expectRegions(["South"]);
  await expect(viz.frame.locator("#vz-filters")).toContainText("Region: South");
});

test("a Region button filters every worksheet of a dashboard", async ({ page, signIn }) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/Overview");
  await viz.expectInteractive("Overview");
  await viz.regionButton("East").click();
  await expect(viz.notice).not.toContainText("failed");
  await expect(viz.frame.locator("#vz-filters")).toContainText("Region: East");
});

test("Export → Image downloads a PNG", async ({ page, signIn }) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open(VIEW);
  await viz.expectInteractive("Sales by Region");
  const [download] = await Promise.all([page.waitForEvent("download"), viz.exportAs("Image (PNG)")]);
  expect(download.suggestedFilename()).toMatch(/\.png$/i);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
});

test("Export → PDF downloads a PDF (exportPDFAsync)", async ({ page, signIn }) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open(VIEW);
  await viz.expectInteractive("Sales by Region");
  const [download] = await Promise.all([page.waitForEvent("download"), viz.exportAs("PDF")]);
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("Refresh data keeps the viz interactive", async ({ page, signIn }) => {
  await signIn(page, "bob");
  const viz = new VizPage(page);
  await viz.open(VIEW);
  await viz.expectInteractive("Sales by Region");
  await viz.control("Refresh data").click();
  await expect(viz.notice).toHaveText("Data refreshed.");
  await viz.expectRegions(["West"]);
});

test("a deep link applies its filter", async ({ page, signIn }) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open(`${VIEW}?Region=East`);
  await viz.expectInteractive("Sales by Region");
  await viz.expectRegions(["East"]);
  await expect(viz.regionButton("East")).toHaveAttribute("aria-pressed", "true");
});

test("an unknown view is a 404 page", async ({ page, signIn }) => {
  await signIn(page, "alice");
  const response = await page.goto("/views/Superstore/NoSuchSheet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Dashboard not found" })).toBeVisible();
});

test("a view Tableau hides from the user is a 404 too", async ({ page, signIn }) => {
  await signIn(page, "bob");
  const response = await page.goto("/views/ExecutiveFinance/ProfitOverview");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("view-not-found")).toBeVisible();
});
