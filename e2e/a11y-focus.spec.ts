/**
 * The focus ring is a solid outline of at least 3:1 against what it is drawn over (WCAG 1.4.11), on a catalog
 * tile and on a viz toolbar button, reached by Tab. The screenshots are attached to the test's results.
 */
import type { Locator, Page, TestInfo } from "@playwright/test";
import { focusRing } from "./a11y/contrast";
import { tabTo } from "./a11y/keyboard";
import { expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

async function expectVisibleRing(page: Page, target: Locator, name: string, testInfo: TestInfo) {
  const ring = await focusRing(target);
  console.log(
    `focus ring on ${name}: ${ring.style} ${ring.widthPx}px ${ring.color} (offset ${ring.offsetPx}px) over ` +
      `${ring.background}: ${ring.contrast.toFixed(2)}:1`,
  );
  expect(ring.style).toBe("solid");
  expect(ring.widthPx).toBeGreaterThanOrEqual(2);
  expect(ring.contrast).toBeGreaterThanOrEqual(3);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name} has no box`);
  const margin = 12;
  const path = testInfo.outputPath(`focus-ring-${name.replace(/\W+/g, "-")}.png`);
  await page.screenshot({
    path,
    clip: {
      x: box.x - margin,
      y: box.y - margin,
      width: box.width + 2 * margin,
      height: box.height + 2 * margin,
    },
  });
  await testInfo.attach(`focus ring: ${name}`, { path, contentType: "image/png" });
}

test("a catalog tile shows a ring of at least 3:1 when it has focus", async ({ page, signIn }, testInfo) => {
  await signIn(page, "alice");
  await page.goto("/");
  const tile = page.getByTestId("catalog-view").first();
  await expect(tile).toBeVisible();
  await tabTo(page, tile, 12);
  await expectVisibleRing(page, tile, "tile", testInfo);
});

test("a viz toolbar button shows a ring of at least 3:1 when it has focus", async ({
  page,
  signIn,
}, testInfo) => {
  await signIn(page, "alice");
  const viz = new VizPage(page);
  await viz.open("/views/Superstore/SalesbyRegion");
  await viz.expectInteractive("Sales by Region");
  const button = viz.control("Export");
  // The view's own controls (its filters' chips, its parameters) come before the toolbar's buttons.
  await tabTo(page, button, 60);
  await expectVisibleRing(page, button, "toolbar button", testInfo);
});
