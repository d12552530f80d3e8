/**
 * The accessibility check every state in the a11y specs gets: axe-core's WCAG 2.1 A/AA rules over the page and
 * its frames, then the page at 320 CSS px wide must not scroll sideways (1.4.10 Reflow). One `a11y:` line per
 * state records the figures (the before/after table of a change is made from these lines).
 */
import { expect, type Page } from "@playwright/test";
import { describeViolations, wcagViolations } from "./axe";

/** How far the page scrolls sideways at the current viewport width, in CSS px (0: it fits). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Two animation frames: the layout after a resize has been computed and painted. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function checkAccessibility(page: Page, label: string): Promise<void> {
  const violations = await wcagViolations(page);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  await settled(page);
  const overflow = await sidewaysOverflow(page);
  if (viewport) await page.setViewportSize(viewport);

  const rules = violations.map((v) => `${v.rule}×${v.targets.length}`).join(" ") || "-";
  console.log(`a11y: ${label} | ${violations.length} | ${rules} | 320px overflow ${overflow}`);
  expect.soft(violations, describeViolations(violations)).toEqual([]);
  expect.soft(overflow, "sideways scroll at 320 px (WCAG 1.4.10)").toBeLessThanOrEqual(0);
}
