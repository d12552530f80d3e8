/**
 * How the view-page benchmark times a page: from navigation start (or a click on a catalog tile) until the viz
 * iframe shows the view's caption, which the emulator's view page renders once the chart is drawn.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { mainThreadOf, type MainThread } from "./main-thread";

export async function waitForCaption(page: Page, caption: string): Promise<void> {
  await page
    .frameLocator("tableau-viz iframe")
    .locator("#vz-sheet-name", { hasText: caption })
    .waitFor({ state: "visible", timeout: 30_000 });
}

/** Milliseconds from navigation start until the viz iframe shows `caption`, on a new page of `context`. */
export async function timeToView(context: BrowserContext, url: string, caption: string): Promise<number> {
  const page = await context.newPage();
  try {
    const started = performance.now();
    await page.goto(url, { waitUntil: "commit" });
    await waitForCaption(page, caption);
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

/** Milliseconds from a click on the view's tile in the catalog at `base` until the viz shows `caption`. */
export async function timeFromCatalog(
  context: BrowserContext,
  base: string,
  path: string,
  caption: string,
): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(`${base}/`);
    const tile = page.locator(`a[href="${path}"]`).first();
    await tile.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    const started = performance.now();
    await tile.click();
    await waitForCaption(page, caption);
    return performance.now() - started;
  } finally {
    await page.close();
  }
}

/**
 * The page renderer's main-thread time from navigation until the view showed (the viz iframe is on the same
 * site, so its work runs there too). Read on untimed loads: the metrics slow a page down.
 */
export function mainThreadUntilView(
  context: BrowserContext,
  url: string,
  caption: string,
): Promise<MainThread> {
  return mainThreadOf(context, async (page) => {
    await page.goto(url, { waitUntil: "commit" });
    await waitForCaption(page, caption);
  });
}
