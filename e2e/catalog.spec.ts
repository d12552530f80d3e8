/**
 * The home page catalog: what Tableau lets each user see (the portal does not filter), grouped by project and
 * workbook, searchable, with authenticated thumbnails; dave (no Tableau user) gets the notice instead.
 */
import type { Page } from "@playwright/test";
import { EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";

test.use({ baseURL: PORTAL_URLS.server });

const projectHeadings = (page: Page) =>
  page.getByTestId("catalog-project").getByRole("heading", { level: 2 });

test("alice's catalog includes the Finance project", async ({ page, signIn }) => {
  await signIn(page, "alice");
  await page.goto("/");
  await expect(projectHeadings(page)).toContainText(["Default", "Finance", "Sales"]);
  await expect(page.getByRole("link", { name: /Profit Overview/ })).toBeVisible();
});

test("bob's catalog shows no Finance views", async ({ page, signIn }) => {
  await signIn(page, "bob");
  await page.goto("/");
  await expect(projectHeadings(page).first()).toBeVisible();
  await expect(projectHeadings(page)).not.toContainText(["Finance"]);
  await expect(page.getByText("Finance Dashboard")).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Sales by Region/ })).toHaveAttribute(
    "href",
    "/views/Superstore/SalesbyRegion",
  );
});

test("bob's REST session carries his Region, so Tableau limits his thumbnails too", async ({
  page,
  signIn,
}) => {
  await signIn(page, "bob");
  await page.goto("/");
  await expect(page.getByTestId("catalog-view").first()).toBeVisible();
  const { signins } = (await (await page.request.get(`${EMULATOR_URL}/__emulator/signins`)).json()) as {
    signins: Array<Record<string, unknown>>;
  };
  const rest = signins.filter((record) => record.kind === "rest" && record.user === "bob@example.com");
  // The shared emulator also logs other specs' own sign-ins as bob (with no attributes): the portal's carry West,
  // and none carries another Region.
  expect(rest).toContainEqual(expect.objectContaining({ outcome: "ok", attributes: { Region: "West" } }));
  const regions = rest.map((record) => (record.attributes as Record<string, unknown> | undefined)?.Region);
  expect(regions.filter((region) => region !== undefined && region !== "West")).toEqual([]);
});

test("search narrows the catalog and lives in the URL", async ({ page, signIn }) => {
  await signIn(page, "alice");
  await page.goto("/");
  const views = page.getByTestId("catalog-view");
  await expect(views.first()).toBeVisible();
  const all = await views.count();
  await page.getByRole("searchbox", { name: "Search dashboards" }).fill("region");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=region$/);
  await expect(page.getByTestId("catalog-count")).toContainText("match “region”");
  const narrowed = await views.count();
  expect(narrowed).toBeGreaterThan(0);
  expect(narrowed).toBeLessThan(all);
  for (const name of await views.allInnerTexts()) expect(name.toLowerCase()).toMatch(/region/);

  await page.goto("/?q=nothing-is-called-this");
  await expect(page.getByTestId("catalog-no-match")).toContainText("No dashboards match");
});

test("a catalog tile opens the view page", async ({ page, signIn }) => {
  await signIn(page, "carol");
  await page.goto("/");
  await page
    .getByRole("link", { name: /Sales by Region/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/views\/Superstore\/SalesbyRegion$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sales by Region" })).toBeVisible();
});

test("thumbnails are PNGs for the signed-in user only, cached privately", async ({
  page,
  signIn,
  request,
}) => {
  await signIn(page, "alice");
  await page.goto("/");
  const src = await page.getByTestId("catalog-view").first().locator("img").getAttribute("src");
  expect(src).toMatch(/^\/api\/thumbnails\/[\w-]+\/[\w-]+$/);
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  expect(response.headers()["cache-control"]).toMatch(/^private, max-age=\d+$/);
  const body = await response.body();
  expect(body.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(JSON.stringify(response.headers())).not.toMatch(/x-tableau-auth/i);

  const anonymous = await request.get(src!);
  expect(anonymous.status()).toBe(401);
  expect((await request.get("/api/thumbnails/not%20an%20id/x")).status()).toBe(401);
});

test("a thumbnail of a view Tableau hides from the user is a 404", async ({ page, signIn }) => {
  await signIn(page, "alice");
  await page.goto("/?q=finance");
  const src = await page.getByTestId("catalog-view").first().locator("img").getAttribute("src");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, "bob");
  expect((await page.request.get(src!)).status()).toBe(404);
  expect((await page.request.get("/api/thumbnails/bad!id/x")).status()).toBe(400);
});

test("dave, with no Tableau user, gets the notice instead of a catalog", async ({ page, signIn }) => {
  await signIn(page, "dave");
  await page.goto("/");
  await expect(page.getByTestId("unmapped-notice")).toBeVisible();
  await expect(page.getByTestId("catalog")).toHaveCount(0);
  await expect(page.getByRole("search")).toHaveCount(0);
});
