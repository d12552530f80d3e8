/** Keyboard-only helpers for the journeys: Tab until a control has focus, and the page's live announcements. */
import { expect, type Locator, type Page } from "@playwright/test";

/** Presses Tab once and expects focus on `target`. */
export async function tab(page: Page, target: Locator): Promise<void> {
  await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
}

/** Presses Tab until `target` has focus, at most `max` times (a long list of rows lies between some stops). */
export async function tabTo(page: Page, target: Locator, max: number): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`${target} did not get focus within ${max} presses of Tab`);
}

/** The portal's polite live region (components/live-announcer.tsx). */
export const announcer = (page: Page): Locator => page.getByTestId("live-announcer");

export const skipLink = (page: Page): Locator => page.getByRole("link", { name: "Skip to content" });
