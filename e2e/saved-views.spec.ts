/**
 * Saved views (issue 17): Tableau custom views made from the portal. Carol saves "East, 2024" on a dashboard,
 * opens it again from the list, makes it her default (a fresh visit opens it) and deletes it; Bob cannot see
 * her private saved view, neither in the list nor by its link; the home page's Saved views row shows it with
 * its own thumbnail. axe checks the form and the list.
 */
import type { Page } from "@playwright/test";
import { API, getJson, signIn as restSignIn } from "../emulator/testing/rest-client";
import { checkAccessibility } from "./a11y/check";
import { EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });
test.describe.configure({ mode: "serial" });

const NAME = "East, 2024";
const DASHBOARD = "/views/Superstore/Overview";

/** Carol's custom views as Tableau keeps them, read over REST as Carol. */
async function carolsCustomViews(): Promise<{ id: string; name: string }[]> {
  const s = await restSignIn(EMULATOR_URL, { sub: "carol@example.com", scopes: ["tableau:content:read"] });
  const res = await getJson(`${EMULATOR_URL}${API}/sites/${s.siteId}/customviews`, s.token);
  return (
    (res.body as { customViews: { customView?: { id: string; name: string }[] } }).customViews.customView ??
    []
  );
}

test.afterAll(async () => {
  // Whatever a failed run left behind: another spec opening the dashboard as Carol must see it as it is.
  const s = await restSignIn(EMULATOR_URL, { sub: "carol@example.com", scopes: ["tableau:content:read"] });
  for (const cv of await carolsCustomViews()) {
    await fetch(`${EMULATOR_URL}${API}/sites/${s.siteId}/customviews/${cv.id}`, {
      method: "DELETE",
      headers: { "x-tableau-auth": s.token },
    });
  }
});

const status = (page: Page, text: string) => page.getByTestId("live-announcer").filter({ hasText: text });

test("Carol saves a view, opens it from the list, makes it her default; a fresh visit opens it", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const viz = new VizPage(page);
  await viz.open(DASHBOARD);
  await viz.expectInteractive("Overview");
  await viz.regionButton("East").click();
  await expect(viz.regionButton("East")).toHaveAttribute("aria-pressed", "true");
  await viz.filterChip("Category", "Technology").click();
  await expect(viz.filterChip("Category", "Technology")).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Top N", { exact: true }).fill("5");
  await page.getByLabel("Top N", { exact: true }).press("Enter");
  await expect(viz.notice).toHaveText("Top N set to 5.");

  const saveToggle = page.getByRole("button", { name: "Save view…" });
  await saveToggle.click();
  await expect(saveToggle).toHaveAttribute("aria-expanded", "true");
  const nameField = page.getByLabel("Name of the saved view");
  await page.getByRole("button", { name: "Save view", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Give the view a name." })).toBeVisible();
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  await checkAccessibility(page, "saved views: save form with an error");
  await nameField.fill(NAME);
  await nameField.press("Enter");
  await expect(status(page, `Saved view “${NAME}” saved.`)).toHaveCount(1);
  await expect(nameField).toHaveValue("");
  await expect.poll(async () => (await carolsCustomViews()).map((c) => c.name)).toEqual([NAME]);

  // Back to the plain view: the original state, with the saved view one click away in the list.
  await viz.open(DASHBOARD);
  await viz.expectInteractive("Overview");
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("10");
  await expect(viz.filterChip("Category", "Technology")).toHaveAttribute("aria-pressed", "false");
  const listToggle = page.getByRole("button", { name: /^My saved views/ });
  await expect(listToggle).toHaveText("My saved views (1)");
  await listToggle.click();
  const item = page.getByTestId("saved-view").filter({ hasText: NAME });
  await item.getByRole("button", { name: `Open “${NAME}”` }).click();
  await expect(status(page, `Showing saved view “${NAME}”.`)).toHaveCount(1);
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("5");
  await expect(viz.filterChip("Category", "Technology")).toHaveAttribute("aria-pressed", "true");
  await expect(viz.frame.locator("#vz-parameters")).toContainText("Top N: 5");
  await expect(page).toHaveURL(/\?cv=[0-9a-f-]{36}$/);
  await expect(item.getByText("Showing")).toBeVisible();
  await checkAccessibility(page, "saved views: the list open");

  const makeDefault = item.getByRole("button", { name: `Make default “${NAME}”` });
  await makeDefault.click();
  await expect(status(page, `Saved view “${NAME}” is now your default.`)).toHaveCount(1);
  await expect(item.getByText("Your default")).toBeVisible();

  // A fresh visit to the plain view opens her default saved view.
  await viz.open(DASHBOARD);
  await viz.expectInteractive("Overview");
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("5");
  await expect(viz.filterChip("Category", "Technology")).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("saved-view-showing")).toHaveText(`Showing saved view “${NAME}”`);
});

test("Bob sees neither Carol's private saved view in the list nor through its link", async ({
  page,
  signIn,
}) => {
  const [cv] = await carolsCustomViews();
  expect(cv?.name).toBe(NAME);
  await signIn(page, "bob");
  const viz = new VizPage(page);
  await viz.open(`${DASHBOARD}?cv=${cv!.id}`);
  await expect(page.getByTestId("saved-view-notice")).toContainText(
    "This saved view is not available to you.",
  );
  await viz.expectInteractive("Overview");
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("10");
  await page.getByRole("button", { name: /^My saved views/ }).click();
  await expect(page.getByText("None yet for this sheet")).toBeVisible();
  await expect(page.getByTestId("saved-view")).toHaveCount(0);
  // Nor by Tableau's own custom view URL, nor its image through the portal.
  const image = await page.request.get(`/api/saved-view-thumbnails/${cv!.id}`);
  expect(image.status()).toBe(404);
  await page.goto("/");
  await expect(page.getByTestId("saved-views-row")).toContainText("use “Save view…”");
});

test("the home page's Saved views row shows Carol's saved view with its own thumbnail; deleting it takes it away", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  await page.goto("/");
  const row = page.getByTestId("saved-views-row");
  const tile = row.getByRole("link", { name: new RegExp(NAME) });
  await expect(tile).toContainText("Saved view of Overview");
  const img = tile.locator("img");
  await expect(img).toHaveAttribute("src", /^\/api\/saved-view-thumbnails\/[0-9a-f-]{36}$/);
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await tile.click();
  await expect(page).toHaveURL(/\/views\/Superstore\/Overview\?cv=[0-9a-f-]{36}$/);
  const viz = new VizPage(page);
  await viz.expectInteractive("Overview");
  await expect(page.getByLabel("Top N", { exact: true })).toHaveValue("5");

  await page.getByRole("button", { name: /^My saved views/ }).click();
  const item = page.getByTestId("saved-view").filter({ hasText: NAME });
  await item.getByRole("button", { name: `Delete “${NAME}”` }).click();
  await expect(item.getByRole("button", { name: "Cancel" })).toBeFocused();
  await item.getByRole("button", { name: `Yes, delete “${NAME}”` }).click();
  await expect(status(page, `Saved view “${NAME}” deleted.`)).toHaveCount(1);
  await expect(page.getByTestId("saved-view")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "My saved views" })).toBeFocused();
  await expect.poll(async () => (await carolsCustomViews()).length).toBe(0);
  await page.goto("/");
  await expect(page.getByTestId("saved-views-row")).toContainText("use “Save view…”");
});
