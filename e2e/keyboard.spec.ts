/**
 * Keyboard journeys, Tab / Enter / Space only (and typing into fields), asserting where focus is after each
 * step: sign in, search the catalog, open a tile, sign out; the skip link.
 */
import { announcer, skipLink, tab } from "./a11y/keyboard";
import { DEMO_PASSWORD, DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";

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
