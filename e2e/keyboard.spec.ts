/**
 * Keyboard journeys, Tab / Enter / Space only (and typing into fields), asserting where focus is after each
 * step: sign in, search the catalog, open a tile, sign out; apply a quick filter and export; the skip link.
 */
import { announcer, skipLink, tab, tabTo } from "./a11y/keyboard";
import { DEMO_PASSWORD, DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

test("carol signs in, searches, opens a tile and signs out by keyboard", async ({ page }) => {
  await page.goto("/login");
  await tab(page, page.getByLabel("E-mail"));
  await page.keyboard.type(DEMO_USERS.carol.email);
  await tab(page, page.getByLabel("Password"));
  await page.keyboard.type(DEMO_PASSWORD);
  await tab(page, page.getByRole("button", { name: "Sign in" }));
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL("/");
  // Focus moves to the new page's content, not left on <body> where the sign-in button was.
  const main = page.getByRole("main");
  await expect(main).toBeFocused();
  const search = page.getByRole("searchbox", { name: "Search dashboards" });
  await tab(page, search);
  await page.keyboard.type("region");
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\?q=region$/);
  await expect(search).toBeFocused();
  await expect(page.getByTestId("catalog-count")).toContainText("match “region”");
  await expect(announcer(page)).toContainText("match “region”");

  await tab(page, page.getByRole("button", { name: "Search", exact: true }));
  await tab(page, page.getByRole("link", { name: "Clear" }));
  const tile = page.getByTestId("catalog-view").first();
  await tab(page, tile);
  const viewName = (await tile.locator("span span").first().innerText()).trim();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/views\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(viewName);
  await expect(main).toBeFocused();

  // The header's last control, Sign out, comes right before the main content.
  await page.keyboard.press("Shift+Tab");
  const signOut = page.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeFocused();
  await page.keyboard.press("Space");

  await expect(page).toHaveURL(/\/login$/);
  await expect(main).toBeFocused();
  await tab(page, page.getByLabel("E-mail"));
});

test("the skip link is the first stop of every portal page and lands on its content", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  const firstControls = {
    "/": page.getByRole("searchbox", { name: "Search dashboards" }),
    "/admin/workbooks": page.getByRole("searchbox", { name: "Name contains" }),
    "/views/Superstore/SalesbyRegion": page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link")
      .first(),
  };
  for (const [path, first] of Object.entries(firstControls)) {
    await page.goto(path);
    await tab(page, skipLink(page));
    await expect(skipLink(page)).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    await tab(page, first);
  }
});

test("a refused sign-in keeps focus in the form and says why", async ({ page }) => {
  await page.goto("/login");
  await tab(page, page.getByLabel("E-mail"));
  await page.keyboard.type(DEMO_USERS.bob.email);
  await tab(page, page.getByLabel("Password"));
  await page.keyboard.type("not-the-password");
  // From the button, which is what a disabled-while-pending button used to drop focus from.
  await tab(page, page.getByRole("button", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  // The password field is emptied and takes focus, ready for another try.
  await expect(page.getByLabel("Password")).toBeFocused();
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("carol applies a quick filter and exports by keyboard, focus kept and each result announced", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/SalesbyRegion");
  await viz.expectInteractive("Sales by Region");

  // Carol's rows are East only: her Region filter offers All and East.
  const all = viz.regionButton("All");
  const east = viz.regionButton("East");
  await tabTo(page, all, 40);
  await tab(page, east);
  await page.keyboard.press("Space");
  await expect(east).toHaveAttribute("aria-pressed", "true");
  await expect(east).toBeFocused();
  await expect(announcer(page)).toHaveText("Region: East applied, 1 mark.");

  const exportButton = viz.control("Export");
  await tabTo(page, exportButton, 20);
  await page.keyboard.press("Enter");
  const menu = page.getByTestId("export-menu");
  await expect(menu.getByRole("button", { name: "Image (PNG)" })).toBeFocused();
  for (const name of ["PDF", "PowerPoint", "Crosstab (CSV)"])
    await tab(page, menu.getByRole("button", { name, exact: true }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toBe("Sales by Region.csv");
  // The panel closed and focus went back to the button it was opened from, which never turned disabled.
  await expect(exportButton).toBeFocused();
  await expect(exportButton).toHaveAttribute("aria-expanded", "false");
  await expect(announcer(page)).toHaveText(
    "Crosstab (CSV) of Sales by Region exported: the browser has the file.",
  );
  await expect(exportButton).not.toHaveAttribute("aria-disabled", "true");

  await tab(page, viz.control("View data as table"));
  await tab(page, viz.control("Refresh data"));
  await tab(page, viz.control("Reset filters"));
  await page.keyboard.press("Enter");
  await expect(viz.control("Reset filters")).toBeFocused();
  await expect(announcer(page)).toHaveText("Filters reset: every value shown.");
  await expect(all).toHaveAttribute("aria-pressed", "true");
});
