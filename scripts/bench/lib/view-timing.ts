/**
 * How the view-page benchmark times a page: from navigation start (or a click on a catalog tile) until the viz
 * iframe first paints the view, read from the browser's own clocks: the iframe's first-contentful-paint entry
 * (its caption, the view's name, is in the first paint) against the page's navigation start or the click event.
 * The harness still waits until it sees the caption, to know that the right view loaded, but its polling,
 * which on a busy machine lags by hundreds of milliseconds, is not part of the figure.
 */
import type { BrowserContext, Frame, Page } from "@playwright/test";
import { mainThreadOf, type MainThread } from "./main-thread";

export async function waitForCaption(page: Page, caption: string): Promise<void> {
  await page
    .frameLocator("tableau-viz iframe")
    .locator("#vz-sheet-name", { hasText: caption })
    .waitFor({ state: "visible", timeout: 30_000 });
}

/** The viz iframe's first contentful paint, in milliseconds since the Unix epoch (the clock timeOrigin uses). */
async function vizFirstPaint(page: Page): Promise<number> {
  const handle = await page.locator("tableau-viz iframe").last().elementHandle();
  const frame: Frame | null = (await handle?.contentFrame()) ?? null;
  if (!frame) throw new Error("the viz has no iframe");
  const at = await frame.evaluate(() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return paint ? performance.timeOrigin + paint.startTime : Number.NaN;
  });
  if (!Number.isFinite(at)) throw new Error("the viz iframe has no first contentful paint");
  return at;
}

/** Milliseconds from navigation start until the viz iframe first paints `caption`, on a new page. */
export async function timeToView(context: BrowserContext, url: string, caption: string): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "commit" });
    await waitForCaption(page, caption);
    const navigationStart = await page.evaluate(() => performance.timeOrigin);
    return (await vizFirstPaint(page)) - navigationStart;
  } finally {
    await page.close();
  }
}

/** Milliseconds from a click on the view's tile in the catalog at `base` until the viz paints `caption`. */
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
    // The click as the page received it, on its own clock.
    await page.evaluate(() => {
      const holder = window as unknown as { benchClickAt?: number };
      document.addEventListener("click", (event) => (holder.benchClickAt = event.timeStamp), {
        capture: true,
        once: true,
      });
    });
    await tile.click();
    await waitForCaption(page, caption);
    const clickAt = await page.evaluate(() => {
      const at = (window as unknown as { benchClickAt?: number }).benchClickAt;
      return at === undefined ? Number.NaN : performance.timeOrigin + at;
    });
    if (!Number.isFinite(clickAt)) throw new Error("the click on the tile was not seen by the page");
    return (await vizFirstPaint(page)) - clickAt;
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
