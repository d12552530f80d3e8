/**
 * WCAG 2.1 AA on the admin workbook list's states that need a site large enough to page, or a Tableau that is
 * slow or failing: the private admin portal (e2e/admin-portal.ts), checked as in e2e/a11y/check.ts.
 */
import type { Page } from "@playwright/test";
import { checkAccessibility } from "./a11y/check";
import { type AdminPortal, expect, test } from "./admin-portal";

interface AdminState {
  name: string;
  path: string;
  /** Faults to inject before the page loads (the emulator's control API), removed after the check. */
  faults?: Record<string, unknown>;
  ready: (page: Page, portal: AdminPortal) => Promise<void>;
}

const status = (text: string | RegExp) => async (page: Page) =>
  expect(page.getByTestId("page-status")).toHaveText(text);

const STATES: AdminState[] = [
  { name: "page 2", path: "/admin/workbooks?page=2", ready: status(/^Page 2 of 6/) },
  {
    name: "sorted by last update",
    path: "/admin/workbooks?sort=updatedAt:desc",
    ready: async (page) =>
      expect(page.getByRole("columnheader", { name: "Last updated" })).toHaveAttribute(
        "aria-sort",
        "descending",
      ),
  },
  { name: "100 per page", path: "/admin/workbooks?pageSize=100", ready: status(/^Page 1 of 2/) },
  { name: "one project", path: "/admin/workbooks?project=Sales", ready: status(/^Page 1 of 1/) },
  {
    name: "past the last page",
    path: "/admin/workbooks?page=99",
    ready: async (page) => expect(page.getByTestId("workbooks-empty")).toContainText("past the end"),
  },
  {
    name: "loading",
    path: "/admin/workbooks?page=3",
    faults: { prefix: "/api/", latencyMs: 8_000 },
    ready: async (page) => expect(page.getByTestId("workbooks-loading")).toBeVisible(),
  },
  {
    name: "Tableau down",
    path: "/admin/workbooks",
    faults: { prefix: "/api/", down: true },
    ready: async (page) => expect(page.getByTestId("workbooks-error")).toBeVisible(),
  },
  {
    name: "refresh failed",
    path: "/admin/workbooks",
    ready: async (page, portal) => {
      await expect(page.getByTestId("workbook-row").first()).toBeVisible();
      await portal.control("POST", "faults", { prefix: "/api/", status: 503 });
      // Clicked until the page has hydrated and the button really calls the action.
      await expect(async () => {
        await page.getByTestId("refresh").click();
        await expect(page.getByTestId("workbooks-summary")).toHaveText("Refresh failed.", { timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
    },
  },
];

for (const state of STATES) {
  test(`admin: workbooks, ${state.name} (${state.path})`, async ({ page, signIn, adminPortal }) => {
    await signIn(page, "alice");
    if (state.faults) await adminPortal.control("POST", "faults", state.faults);
    // A slow Tableau keeps the streamed page open: the state is on screen long before the load event.
    await page.goto(state.path, { waitUntil: "commit" });
    await state.ready(page, adminPortal);
    await checkAccessibility(page, `admin | workbooks, ${state.name}`);
  });
}
