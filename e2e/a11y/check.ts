/**
 * The accessibility check every state in the a11y specs gets: axe-core's WCAG 2.1 A/AA rules over the page and
 * its frames, then the page at 320 CSS px wide must not scroll sideways (1.4.10 Reflow). One `a11y:` line per
 * state records the figures (the before/after table of a change is made from these lines).
 */
import { expect, type Page } from "@playwright/test";
import { axeViolations, describeViolations } from "./axe";

/**
 * How far the page scrolls sideways at the current viewport width, in CSS px (0: it fits), and the innermost
 * elements that reach past its right edge (what to fix), outside any box that scrolls on its own.
 */
async function sidewaysOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  return page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const scrolls = (el: Element) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
    const past = [...document.body.querySelectorAll("*")].filter((el) => {
      if (el.getBoundingClientRect().right <= width + 0.5) return false;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement)
        if (scrolls(up)) return false;
      return true;
    });
    const innermost = past.filter((el) => !past.some((other) => other !== el && el.contains(other)));
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""}`;
    return { px: root.scrollWidth - width, culprits: innermost.slice(0, 5).map(name) };
  });
}

/** Two animation frames: the layout after a resize has been computed and painted. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export async function checkAccessibility(page: Page, label: string): Promise<void> {
  const { wcag: violations, bestPractice } = await axeViolations(page);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 720 });
  await settled(page);
  const { px: overflow, culprits } = await sidewaysOverflow(page);
  if (viewport) await page.setViewportSize(viewport);

  const list = (found: typeof violations) =>
    found.map((v) => `${v.rule}×${v.targets.length}`).join(" ") || "-";
  const rules = `${list(violations)} | best practice ${bestPractice.length} ${list(bestPractice)}`;
  console.log(
    `a11y: ${label} | ${violations.length} | ${rules} | 320px overflow ${overflow}${overflow > 0 ? ` (${culprits.join(", ")})` : ""}`,
  );
  expect.soft(violations, describeViolations(violations)).toEqual([]);
  expect
    .soft(overflow, `sideways scroll at 320 px (WCAG 1.4.10), past the edge: ${culprits.join(", ")}`)
    .toBeLessThanOrEqual(0);
}
