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

  test("a direct load starts the viz before hydration, and the component adopts it: one viz, one token", async ({
    page,
    signIn,
  }) => {
    await signIn(page, "carol");
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/tableau/token")) tokenRequests.push(request.url());
    });
    const viz = new VizPage(page);
    await viz.open(`${VIEW}?Region=East`);
    // The early script's element sits in the early host, and its missed firstinteractive still reached React.
    await viz.expectInteractive("Sales by Region");
    await expect(page.locator("[data-vizport-early-host] > tableau-viz")).toHaveCount(1);
    await expect(page.locator("tableau-viz")).toHaveCount(1);
    await expect(page.locator("[data-vizport-early-host] viz-filter")).toHaveAttribute("value", "East");
    expect(tokenRequests).toHaveLength(1);
    // The portal's controls drive the adopted element like their own.
    await viz.regionButton("East").click();
    await expect(viz.regionButton("East")).toHaveAttribute("aria-pressed", "true");
    // A reload replaces it with the component's own viz and a fresh token.
    await viz.control("Reload").click();
    await viz.expectInteractive("Sales by Region");
    await expect(page.locator("[data-vizport-early-host] > *")).toHaveCount(0);
    await expect(page.locator("tableau-viz")).toHaveCount(1);
    expect(tokenRequests).toHaveLength(2);
  });

  test("after a client-side navigation the component starts the viz itself, with one token", async ({
    page,
    signIn,
  }) => {
    await signIn(page, "carol");
    await page.goto("/");
    const tokenRequests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith("/api/tableau/token")) tokenRequests.push(request.url());
    });
    await page.locator(`a[href="${VIEW}"]`).first().click();
    const viz = new VizPage(page);
    await viz.expectInteractive("Sales by Region");
    await expect(page.locator("tableau-viz")).toHaveCount(1);
    await expect(page.locator("[data-vizport-early-host] > *")).toHaveCount(0);
    expect(tokenRequests).toHaveLength(1);
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
