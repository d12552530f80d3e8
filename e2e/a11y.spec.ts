/**
 * WCAG 2.1 AA on every page and state in e2e/a11y/pages.ts, as each kind of visitor sees it (e2e/a11y/check.ts:
 * no axe-core violation of the A/AA rules, the viz iframe included, and no sideways scroll at 320 px).
 */
import type { Page } from "@playwright/test";
import { checkAccessibility } from "./a11y/check";
import { PAGE_STATES, VISITORS, type PageState } from "./a11y/pages";
import { expect, PORTAL_URLS, signIn, test } from "./fixtures";
import { VizPage } from "./viz-page";

async function reach(page: Page, state: PageState): Promise<void> {
  const who = VISITORS[state.visitor];
  if (who) await signIn(page, who);
  await page.goto(state.path);
  await state.ready(page);
}

for (const state of PAGE_STATES) {
  test.describe(() => {
    test.use({ baseURL: PORTAL_URLS[state.portal ?? "server"] });

    test(`${state.visitor}: ${state.name} (${state.path})`, async ({ page }) => {
      await reach(page, state);
      await checkAccessibility(page, `${state.visitor} | ${state.name}`);
      if (state.viz === "interactive") {
        // The view is part of the page's main content: its iframe adds no banner or main landmark of its own
        // beside the portal's (axe checks each document alone, so it cannot see the clash).
        const frame = new VizPage(page).frame;
        await expect(frame.getByRole("banner")).toHaveCount(0);
        await expect(frame.getByRole("main")).toHaveCount(0);
        await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
      }
    });
  });
}
