/**
 * Controls that fit the view (issue 17): the chips and inputs above a viz come from the viz's own filters and
 * parameters, follow its row-level security, go into deep links, and an admin chooses per view which show.
 */
import { expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

test("a view without a Region filter shows no Region chips; a view with a parameter shows its control", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/ProfitbyCategory");
  await viz.expectInteractive("Profit by Category");
  await expect(viz.filterChip("Category", "Technology")).toBeVisible();
  await expect(page.getByRole("group", { name: "Region filter" })).toHaveCount(0);
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("10");

  // Carol's data is East only: the Region filter of another view offers East alone, never the other regions.
  await viz.open("/views/Superstore/SalesbyRegion");
  await viz.expectInteractive("Sales by Region");
  await expect(viz.regionButton("East")).toBeVisible();
  await expect(page.getByRole("group", { name: "Region filter" }).getByRole("button")).toHaveText([
    "All",
    "East",
  ]);

  await viz.open("/views/RegionalPerformance/RegionSummary");
  await viz.expectInteractive("Region Summary");
  await expect(page.getByLabel("Measure", { exact: true })).toHaveValue("Sales");
  await expect(page.getByLabel("Top N", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Choose controls" })).toHaveCount(0);
});

test("a parameter set above the viz redraws it, goes in the URL, and a deep link with a parameter applies it", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/SalesbyRegion");
  await viz.expectInteractive("Sales by Region");
  await expect(viz.marks()).toHaveCount(4);
  await page.getByLabel("Top N", { exact: true }).fill("2");
  await page.getByLabel("Top N", { exact: true }).press("Enter");
  await expect(viz.notice).toHaveText("Top N set to 2.");
  await expect(viz.marks()).toHaveCount(2);
  await expect(page).toHaveURL(/[?&]Top(%20|\+)N=2\b/);
  await expect(page.getByLabel("Top N", { exact: true })).toBeFocused();

  // Out of range: the browser's own check of the input's bounds (from the parameter's range) says so first.
  await page.getByLabel("Top N", { exact: true }).fill("40");
  await page.getByRole("button", { name: "Set Top N" }).click();
  expect(
    await page
      .getByLabel("Top N", { exact: true })
      .evaluate((el) => (el as HTMLInputElement).validity.rangeOverflow),
  ).toBe(true);
  await expect(viz.notice).toHaveText("Top N set to 2.");

  await viz.open("/views/Superstore/SalesbyRegion?Top%20N=1&Category=Technology");
  await viz.expectInteractive("Sales by Region");
  await expect(viz.marks()).toHaveCount(1);
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("1");
  await expect(viz.filterChip("Category", "Technology")).toHaveAttribute("aria-pressed", "true");

  await viz.open("/views/RegionalPerformance/RegionProfit?Measure=Profit");
  await viz.expectInteractive("Region Profit");
  await expect(viz.frame.locator("#vz-parameters")).toContainText("Measure: Profit");
  await page.getByLabel("Measure", { exact: true }).selectOption("Sales");
  await expect(viz.frame.locator("#vz-parameters")).toContainText("Measure: Sales");
  await expect(page).toHaveURL(/[?&]Measure=Sales\b/);
});

test("filter chips toggle values of the viz's own filter, on every worksheet of a dashboard", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/Overview");
  await viz.expectInteractive("Overview");
  await viz.filterChip("Category", "Furniture").click();
  await viz.filterChip("Category", "Technology").click();
  await expect(viz.frame.locator("#vz-filters")).toContainText("Category: Furniture, Technology");
  await expect(viz.filterChip("Category", "All")).toHaveAttribute("aria-pressed", "false");
  await viz.filterChip("Category", "All").click();
  await expect(viz.frame.locator("#vz-filters")).not.toContainText("Category");
  await expect(viz.filterChip("Category", "All")).toHaveAttribute("aria-pressed", "true");
});

test("an admin chooses which controls a view shows, for everyone", async ({ browser, page, signIn }) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/MonthlyTrend");
  await viz.expectInteractive("Monthly Trend");
  await page.getByRole("button", { name: "Choose controls" }).click();
  const panel = page.getByRole("group", { name: "Controls shown on this view" });
  await panel.getByRole("checkbox", { name: /Top N/ }).uncheck();
  await panel.getByRole("checkbox", { name: /Region/ }).uncheck();
  await panel.getByRole("button", { name: "Save controls" }).click();
  await expect(panel.getByRole("status")).toHaveText(/Saved/);
  await expect(page.getByLabel("Top N", { exact: true })).toHaveCount(0);

  const bobPage = await browser.newPage();
  await signIn(bobPage, "bob");
  const bobViz = new VizPage(bobPage);
  await bobViz.open("/views/Superstore/MonthlyTrend");
  await bobViz.expectInteractive("Monthly Trend");
  await expect(bobViz.filterChip("Category", "All")).toBeVisible();
  await expect(bobPage.getByRole("group", { name: "Region filter" })).toHaveCount(0);
  await expect(bobPage.getByLabel("Top N", { exact: true })).toHaveCount(0);
  await bobPage.close();
});
