/**
 * The admin workbook list by keyboard (Tab / Enter only, plus the arrow keys a select takes), on the private
 * portal with a site of 130 workbooks: after a sort or a page change focus is back on the control that was used
 * and the live region says what changed; the Project and Per page selects do not reload on arrow keys (3.2.2).
 */
import type { Page } from "@playwright/test";
import { announcer, skipLink, tab, tabTo } from "./a11y/keyboard";
import { expect, test } from "./admin-portal";

const rows = (page: Page) => page.getByTestId("workbook-row");
const sortLink = (page: Page, column: string) =>
  page.getByRole("columnheader", { name: column }).getByRole("link");

async function openList(page: Page): Promise<void> {
  await page.goto("/admin/workbooks");
  await expect(rows(page)).toHaveCount(25);
  await tab(page, skipLink(page));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
}

test("alice sorts and pages the list; focus stays on the control used, and each change is announced", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  await openList(page);
  await tab(page, page.getByRole("searchbox", { name: "Name contains" }));
  await tab(page, page.getByLabel("Project"));
  await tab(page, page.getByLabel("Per page"));
  await tab(page, page.getByRole("button", { name: "Search", exact: true }));
  await tab(page, page.getByTestId("refresh"));
  await tab(page, sortLink(page, "Name"));

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=name%3Adesc/);
  await expect(page.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "descending");
  await expect(sortLink(page, "Name")).toBeFocused();
  await expect(announcer(page)).toHaveText("Sorted by Name, descending. Page 1 of 6: workbooks 1–25 of 130.");

  await tab(page, sortLink(page, "Project"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=projectName%3Aasc/);
  await expect(sortLink(page, "Project")).toBeFocused();
  await expect(announcer(page)).toHaveText(
    "Sorted by Project, ascending. Page 1 of 6: workbooks 1–25 of 130.",
  );

  // Past the other headers and the 25 rows' links to the pager.
  const next = page.getByRole("link", { name: "Next →" });
  await tabTo(page, next, 40);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/page=2/);
  await expect(next).toBeFocused();
  await expect(announcer(page)).toHaveText(
    "Page 2 of 6: workbooks 26–50 of 130, sorted by Project, ascending.",
  );

  for (let p = 3; p <= 6; p++) {
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("page-status")).toContainText(`Page ${p} of 6`);
  }
  // The last page has no Next link: focus goes to Previous instead of falling to the page.
  await expect(page.getByRole("link", { name: "← Previous" })).toBeFocused();
  await expect(announcer(page)).toHaveText(
    "Page 6 of 6: workbooks 126–130 of 130, sorted by Project, ascending.",
  );
});

test("the Project and Per page selects change on arrow keys without reloading; Enter applies", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  await openList(page);
  const navigations: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/admin/workbooks") navigations.push(r.url());
  });
  await tab(page, page.getByRole("searchbox", { name: "Name contains" }));
  await tab(page, page.getByLabel("Project"));
  await tab(page, page.getByLabel("Per page"));

  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Per page")).toHaveValue("50");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Per page")).toHaveValue("100");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("Per page")).toHaveValue("50");
  // Give a submit on change its chance to show: nothing may have asked for the list meanwhile.
  await page.waitForTimeout(1_000);
  expect(navigations).toEqual([]);
  await expect(page).not.toHaveURL(/pageSize=50/);
  await expect(rows(page)).toHaveCount(25);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/pageSize=50/);
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByLabel("Per page")).toBeFocused();
  await expect(announcer(page)).toHaveText("Page 1 of 3: workbooks 1–50 of 130, sorted by Name, ascending.");

  await page.keyboard.press("Shift+Tab");
  await expect(page.getByLabel("Project")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  const project = await page.getByLabel("Project").inputValue();
  expect(project).not.toBe("");
  const projectInUrl = () => new URL(page.url()).searchParams.get("project") ?? "";
  await page.waitForTimeout(1_000);
  expect(projectInUrl()).toBe("");
  await page.keyboard.press("Enter");
  await expect.poll(projectInUrl).toBe(project);
  await expect(page.getByLabel("Project")).toBeFocused();
  await expect(announcer(page)).toContainText(`in project “${project}”`);
});
