/**
 * Row-level security through the JWT attribute, in both library modes: the same view shows carol only East
 * and bob only West. In bundled mode the real npm Embedding API signs in to the emulator with the minted token
 * and loads the view's iframe; the emulator's page does not speak the npm library's private messages, so that
 * mode is checked up to the loaded view (what the iframe shows), not firstinteractive.
 */
import { expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

const VIEW = "/views/Superstore/SalesbyRegion";

test.describe("viz, embedding library from the Tableau server", () => {
  test.use({ baseURL: PORTAL_URLS.server });

  test("carol sees only East data", async ({ page, signIn }) => {
    await signIn(page, "carol");
    const viz = new VizPage(page);
    await viz.open(VIEW);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Superstore");
    await expect(page.getByRole("heading", { level: 1, name: "Sales by Region" })).toBeVisible();
    await viz.expectInteractive("Sales by Region");
    await expect(viz.caption).toContainText("carol@example.com");
    await viz.expectRegions(["East"]);
  });

  test("bob sees only West data", async ({ page, signIn }) => {
    await signIn(page, "bob");
    const viz = new VizPage(page);
    await viz.open(VIEW);
    await viz.expectInteractive("Sales by Region");
    await expect(viz.caption).toContainText("bob@example.com");
    await viz.expectRegions(["West"]);
  });

  test("a direct load's viz is in the server HTML, with its deep-link filter, and the library loads once", async ({
    page,
    signIn,
  }) => {
    await signIn(page, "carol");
    const viz = new VizPage(page);
    const response = await page.goto(`${VIEW}?Region=East`);
    const html = (await response?.text()) ?? "";
    // The viz starts as soon as the Embedding API defines the element: no hydration, no token request first
    // (e2e/viz-page-token.spec.ts follows the token itself).
    expect(html).toMatch(/<tableau-viz [^>]*token="eyJ/);
    expect(html).toContain('<viz-filter field="Region" value="East"></viz-filter>');
    await viz.expectInteractive("Sales by Region");
    await expect(page.locator("tableau-viz")).toHaveCount(1);
    await expect(page.locator("tableau-viz viz-filter")).toHaveAttribute("value", "East");
    await viz.expectRegions(["East"]);
    await expect(page.locator("script[data-vizport-embedding-api]")).toHaveCount(1);
    await viz.control("Reload").click();
    await viz.expectInteractive("Sales by Region");
    await expect(page.locator("tableau-viz")).toHaveCount(1);
    await expect(page.locator("tableau-viz viz-filter")).toHaveAttribute("value", "East");
  });
});

test.describe("viz, bundled npm embedding library", () => {
  test.use({ baseURL: PORTAL_URLS.bundled });

  test("carol's token signs in and the iframe shows only East data", async ({ page, signIn }) => {
    const signins: number[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/vizportal/api/web/v1/auth/embed/signin")) signins.push(r.status());
    });
    const serverScript: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("tableau.embedding.3")) serverScript.push(r.url());
    });
    await signIn(page, "carol");
    const viz = new VizPage(page);
    await viz.open(VIEW);
    await viz.expectViewShown("Sales by Region");
    await expect(viz.caption).toContainText("carol@example.com");
    await viz.expectRegions(["East"]);
    expect(signins).toContain(200);
    expect(serverScript).toEqual([]);
  });

  test("bob's iframe shows only West data", async ({ page, signIn }) => {
    await signIn(page, "bob");
    const viz = new VizPage(page);
    await viz.open(VIEW);
    await viz.expectViewShown("Sales by Region");
    await viz.expectRegions(["West"]);
  });
});
