/**
 * Names a screen reader announces for a view: the page's title and the viz frame's title are the view's own
 * name as Tableau has it ("Sales by Region"), not its URL part ("SalesbyRegion") or a generic label; the frame's
 * title follows a switch of tabs.
 */
import { expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

// Signed in on the first portal; cookies ignore ports, so the session reaches the bundled one too.
test.use({ baseURL: PORTAL_URLS.server });

test("a view page and its frame are titled by the view's name", async ({ page, signIn }) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await page.goto("/views/Superstore/SalesbyRegion");
  await viz.expectInteractive("Sales by Region");
  await expect(page).toHaveTitle("Sales by Region · Vizport");
  await expect(page.locator("tableau-viz iframe")).toHaveAttribute("title", "Sales by Region");
});

test("the bundled Embedding API's frame gets the view's name too", async ({ page, signIn }) => {
  await signIn(page, "alice");
  // The npm library goes as far as the loaded iframe against the emulator (never firstinteractive), so the
  // title is the page's name for the view.
  await page.goto(`${PORTAL_URLS.bundled}/views/Superstore/SalesbyRegion`);
  await expect(page).toHaveTitle("Sales by Region · Vizport");
  await expect(page.locator("tableau-viz iframe")).toHaveAttribute("title", "Sales by Region", {
    timeout: 30_000,
  });
});

test("the frame's title follows the dashboard's tabs", async ({ page, signIn }) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await page.goto("/views/Superstore/Overview");
  await viz.expectInteractive("Overview");
  await expect(page).toHaveTitle("Overview · Vizport");
  const frame = page.locator("tableau-viz iframe");
  await expect(frame).toHaveAttribute("title", "Overview");
  const tab = viz.frame.getByRole("tab").filter({ hasNotText: "Overview" }).first();
  const other = (await tab.innerText()).trim();
  await tab.click();
  await expect(viz.frame.locator("#vz-sheet-name")).toHaveText(other);
  await expect(frame).toHaveAttribute("title", other);
});
