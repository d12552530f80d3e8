/**
 * When the viz cannot be shown, the user is told why in words they can act on: a Tableau user that does not
 * exist (erin), a portal configured with the wrong Connected App secret (3102), and a viz that never becomes
 * interactive (the third-party cookie message).
 */
import { EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";
import { VIZ_TIMEOUT, VizPage } from "./viz-page";

test.describe("errors on the server-library portal", () => {
  test.use({ baseURL: PORTAL_URLS.server });

  test("erin is told her Tableau user is not on the site, after one re-mint", async ({ page, signIn }) => {
    const signins: number[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/auth/embed/signin") && r.request().method() === "POST") signins.push(r.status());
    });
    const tokens: number[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/api/tableau/token")) tokens.push(r.status());
    });
    await signIn(page, "erin");
    const viz = new VizPage(page);
    await viz.open("/views/Superstore/SalesbyRegion");
    await expect(viz.error).toBeVisible({ timeout: VIZ_TIMEOUT });
    await expect(viz.error).toContainText(
      "Your portal account maps to erin@example.com, who is not a user of the Tableau site",
    );
    // A viewer gets no admin line.
    await expect(page.getByTestId("viz-error-admin")).toHaveCount(0);
    // The page's own token, then one fresh token from the token route and one remount, then the message: two
    // sign-ins, two tokens, no more.
    expect(signins).toHaveLength(2);
    expect(tokens).toEqual([200]);
  });

  test("erin's catalog says the same thing instead of a Tableau error", async ({ page, signIn }) => {
    await signIn(page, "erin");
    await page.goto("/");
    await expect(page.getByTestId("catalog-error")).toContainText(
      "Your portal account maps to erin@example.com, who is not a user of the Tableau site",
    );
  });

  test("a viz that never becomes interactive shows the cookie message", async ({ page, signIn, request }) => {
    // Stall only this view's page, so that specs running in parallel are not slowed.
    const prefix = "/t/vizport-demo/views/RegionalPerformance/RegionProfit";
    const set = await request.post(`${EMULATOR_URL}/__emulator/faults`, {
      data: { prefix, latencyMs: 45_000 },
    });
    expect(set.ok()).toBe(true);
    try {
      await signIn(page, "alice");
      const viz = new VizPage(page);
      await viz.open("/views/RegionalPerformance/RegionProfit");
      const stalled = page.getByTestId("viz-stalled");
      await expect(stalled).toBeVisible({ timeout: 40_000 });
      await expect(stalled).toContainText("Your browser may be blocking Tableau's cookies");
      await expect(stalled).toContainText(`allow third-party cookies for ${new URL(EMULATOR_URL).host}`);
      await expect(stalled.getByRole("button", { name: "Try again" })).toBeVisible();
    } finally {
      // A zero-latency fault on the same prefix replaces ours without touching other specs' faults.
      await request.post(`${EMULATOR_URL}/__emulator/faults`, { data: { prefix, latencyMs: 0 } });
    }
  });
});

test.describe("a portal configured with the wrong Connected App secret", () => {
  test.use({ baseURL: PORTAL_URLS.wrongSecret });

  test("the viz names the secret settings to the admin", async ({ page, signIn }) => {
    await signIn(page, "alice");
    const viz = new VizPage(page);
    await viz.open("/views/Superstore/SalesbyRegion");
    await expect(viz.error).toBeVisible({ timeout: VIZ_TIMEOUT });
    await expect(viz.error).toContainText("The portal's Tableau secret was rejected");
    await expect(viz.error).toContainText("tell your portal administrator");
    await expect(page.getByTestId("viz-error-admin")).toContainText("TABLEAU_CA_SECRET_VALUE");
    await expect(viz.error).not.toContainText("a-wrong-secret-value");
  });

  test("a viewer sees the same cause without the admin line", async ({ page, signIn }) => {
    await signIn(page, "bob");
    const viz = new VizPage(page);
    await viz.open("/views/Superstore/SalesbyRegion");
    await expect(viz.error).toContainText("The portal's Tableau secret was rejected", {
      timeout: VIZ_TIMEOUT,
    });
    await expect(page.getByTestId("viz-error-admin")).toHaveCount(0);
  });

  test("the catalog shows the secret message instead of a list", async ({ page, signIn }) => {
    await signIn(page, "alice");
    await page.goto("/");
    await expect(page.getByTestId("catalog-error")).toContainText("The portal's Tableau secret was rejected");
    await expect(page.getByTestId("catalog-error-admin")).toContainText("TABLEAU_CA_SECRET_ID");
  });
});
