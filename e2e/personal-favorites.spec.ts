/**
 * Favorites (issue 17): a star on every catalog tile and view page, kept in Tableau (REST favorites, here the
 * emulator's), and the home page's Favorites row.
 */
import { signIn as restSignIn, API, getJson } from "../emulator/testing/rest-client";
import { EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

/** Carol's favorites as Tableau keeps them, read over REST as Carol herself. */
async function tableauFavorites(sub: string): Promise<string[]> {
  const s = await restSignIn(EMULATOR_URL, { sub, scopes: ["tableau:content:read"] });
  const res = await getJson(`${EMULATOR_URL}${API}/sites/${s.siteId}/favorites/${s.userId}`, s.token);
  const list =
    (res.body as { favorites: { favorite?: { view?: { name: string } }[] } }).favorites.favorite ?? [];
  return list.map((f) => f.view?.name ?? "");
}

test("a star added in the portal is a Tableau favorite and appears on the home page; removing it undoes both", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  await page.goto("/");
  const row = page.getByTestId("favorites-row");
  await expect(row).toContainText("Star a dashboard");
  const star = page.getByTestId("catalog").getByRole("button", { name: "Favorite Region Profit" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect(star).toBeFocused();
  await expect(
    page.getByRole("status").filter({ hasText: "Region Profit added to your favorites." }),
  ).toHaveCount(1);
  await expect(row.getByRole("link", { name: /Region Profit/ })).toBeVisible();
  await expect.poll(() => tableauFavorites("carol@example.com")).toContain("Region Profit");

  // The view page shows the same star, pressed; un-starring it there removes the favorite in Tableau.
  const viz = new VizPage(page);
  await viz.open("/views/RegionalPerformance/RegionProfit");
  const pageStar = page.getByRole("button", { name: "Favorite Region Profit" });
  await expect(pageStar).toHaveAttribute("aria-pressed", "true");
  await pageStar.click();
  await expect(pageStar).toHaveAttribute("aria-pressed", "false");
  await expect.poll(() => tableauFavorites("carol@example.com")).not.toContain("Region Profit");
  await page.goto("/");
  await expect(page.getByTestId("favorites-row")).toContainText("Star a dashboard");
});

test("a favorite made in Tableau itself shows in the portal's Favorites row", async ({ page, signIn }) => {
  const s = await restSignIn(EMULATOR_URL, { sub: "bob@example.com", scopes: ["tableau:content:read"] });
  const views = await getJson(
    `${EMULATOR_URL}${API}/sites/${s.siteId}/views?filter=name:eq:Monthly%20Trend`,
    s.token,
  );
  const viewId = (views.body as { views: { view: { id: string }[] } }).views.view[0]!.id;
  const put = await fetch(`${EMULATOR_URL}${API}/sites/${s.siteId}/favorites/${s.userId}`, {
    method: "PUT",
    headers: { "x-tableau-auth": s.token, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ favorite: { label: "Monthly Trend", view: { id: viewId } } }),
  });
  expect(put.status).toBe(200);
  await signIn(page, "bob");
  await page.goto("/");
  await expect(page.getByTestId("favorites-row").getByRole("link", { name: /Monthly Trend/ })).toBeVisible();
  await expect(
    page.getByTestId("catalog").getByRole("button", { name: "Favorite Monthly Trend" }),
  ).toHaveAttribute("aria-pressed", "true");
});
