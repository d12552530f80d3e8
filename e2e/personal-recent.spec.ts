/** Recently viewed (issue 17): the home page's Recent row lists the last views opened, newest first. */
import { expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

test("the Recent row lists the last views opened, newest first, and only the user's own", async ({
  browser,
  page,
  signIn,
}) => {
  const bobPage = await browser.newPage();
  await signIn(bobPage, "bob");
  await bobPage.goto("/");
  const bobBefore = await bobPage.getByTestId("recent-row").textContent();
  await signIn(page, "carol");
  const viz = new VizPage(page);
  for (const [path, name] of [
    ["/views/Superstore/MonthlyTrend", "Monthly Trend"],
    ["/views/RegionalPerformance/RegionSummary", "Region Summary"],
    ["/views/Superstore/ProfitbyCategory", "Profit by Category"],
  ] as const) {
    await viz.open(path);
    await viz.expectViewShown(name);
  }
  await page.goto("/");
  // Other specs may have opened views as Carol before: the three just opened lead the row, newest first.
  const tiles = page.getByTestId("recent-row").getByTestId("catalog-view");
  await expect(tiles.nth(2)).toBeVisible();
  expect((await tiles.allInnerTexts()).slice(0, 3).map((t) => t.split("\n")[0])).toEqual([
    "Profit by Category",
    "Region Summary",
    "Monthly Trend",
  ]);
  await page
    .getByTestId("recent-row")
    .getByRole("link", { name: /Monthly Trend/ })
    .click();
  await viz.expectViewShown("Monthly Trend");
  await page.goto("/");
  await expect(page.getByTestId("recent-row").getByTestId("catalog-view").first()).toHaveText(
    /Monthly Trend/,
  );

  // Carol's visits are hers alone: Bob's row is as it was.
  await bobPage.goto("/");
  expect(await bobPage.getByTestId("recent-row").textContent()).toBe(bobBefore);
  await bobPage.close();
});
