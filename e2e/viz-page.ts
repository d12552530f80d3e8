/**
 * Helpers for specs that open a view page: the viz iframe, waiting for it to become interactive, and reading
 * which regions the emulator's chart shows (its data labels, inside the iframe).
 */
import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

export const REGIONS = ["Central", "East", "South", "West"] as const;
/** Allows for the build-and-start of three portals sharing two cores. */
export const VIZ_TIMEOUT = 30_000;

export class VizPage {
  readonly root: Locator;
  readonly frame: FrameLocator;
  readonly chart: Locator;
  readonly caption: Locator;
  readonly error: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("tableau-viz-root");
    this.frame = page.frameLocator("tableau-viz iframe");
    this.chart = this.frame.locator("#vz-chart");
    this.caption = this.frame.getByTestId("vz-caption");
    this.error = page.getByTestId("viz-error");
    this.notice = page.getByTestId("viz-notice");
  }

  async open(path: string): Promise<void> {
    // Not until "load": the server-rendered viz creates its iframe while the page parses, so the page's load
    // event waits for Tableau's view page too, which a spec may be stalling on purpose.
    await this.page.goto(path, { waitUntil: "domcontentloaded" });
  }

  /** The iframe shows the view (its caption names it). */
  async expectViewShown(viewName: string): Promise<void> {
    await expect(this.frame.locator("#vz-sheet-name")).toHaveText(viewName, { timeout: VIZ_TIMEOUT });
  }

  /** The viz raised firstinteractive: the portal's controls are live. */
  async expectInteractive(viewName?: string): Promise<void> {
    await expect(this.root).toHaveAttribute("data-phase", "interactive", { timeout: VIZ_TIMEOUT });
    if (viewName) await this.expectViewShown(viewName);
  }

  /** The chart's labels name exactly these regions (row-level security and filters both narrow it). */
  async expectRegions(shown: readonly string[]): Promise<void> {
    for (const region of REGIONS) {
      const label = this.chart.getByText(region, { exact: true });
      if (shown.includes(region)) await expect(label.first()).toBeVisible();
      else await expect(label).toHaveCount(0);
    }
  }

  /** A chip of the viz's own filter on `field` (the portal builds them from getFiltersAsync). */
  filterChip(field: string, name: string): Locator {
    return this.page
      .getByRole("group", { name: `${field} filter` })
      .getByRole("button", { name, exact: true });
  }

  regionButton(name: string): Locator {
    return this.filterChip("Region", name);
  }

  /** The marks the emulator's chart draws (one per dimension member kept). */
  marks(): Locator {
    return this.chart.locator(".mark");
  }

  /** Opens the toolbar's Export panel and picks `format` (and, on a dashboard, `worksheet`). */
  async exportAs(format: string, worksheet?: string): Promise<void> {
    await this.control("Export").click();
    const menu = this.page.getByTestId("export-menu");
    await menu.getByRole("button", { name: format, exact: true }).click();
    if (worksheet) await menu.getByRole("button", { name: worksheet, exact: true }).click();
  }

  control(name: string): Locator {
    return this.page
      .getByRole("toolbar", { name: "Dashboard controls" })
      .getByRole("button", { name, exact: true });
  }
}
