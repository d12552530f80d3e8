import type { APIRequestContext, Page, Request } from "@playwright/test";
import { ADMIN_SITE_WORKBOOKS, expect, test } from "./admin-portal";

const rows = (page: Page) => page.getByTestId("workbook-row");
const firstNames = async (page: Page) => rows(page).locator("td:first-child").allTextContents();
const status = (page: Page) => page.getByTestId("page-status");

test.describe("admin workbooks", () => {
  test("alice pages through the whole site, and the URL keeps the state", async ({
    page,
    signIn,
    adminPortal,
  }) => {
    await signIn(page, "alice");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workbooks" }).click();
    await expect(page).toHaveURL(/\/admin\/workbooks/);
    const pages = Math.ceil(ADMIN_SITE_WORKBOOKS / 25);
    await expect(status(page)).toHaveText(`Page 1 of ${pages} · ${ADMIN_SITE_WORKBOOKS} workbooks`);
    await expect(rows(page)).toHaveCount(25);
    const page1 = await firstNames(page);

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(status(page)).toHaveText(`Page 2 of ${pages} · ${ADMIN_SITE_WORKBOOKS} workbooks`);
    const page2 = await firstNames(page);
    expect(page2.some((n) => page1.includes(n))).toBe(false);

    await page.goBack();
    await expect(status(page)).toContainText("Page 1 of");
    expect(await firstNames(page)).toEqual(page1);

    await page.getByLabel("Per page").selectOption("100");
    await expect(page).toHaveURL(/pageSize=100/);
    await expect(status(page)).toHaveText(`Page 1 of 2 · ${ADMIN_SITE_WORKBOOKS} workbooks`);
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(rows(page)).toHaveCount(ADMIN_SITE_WORKBOOKS - 100);
    await expect(page.getByText("Next →")).toHaveAttribute("aria-disabled", "true");

    // A bookmark restores the same view; bad values fall back to defaults instead of failing.
    await page.goto("/admin/workbooks?pageSize=50&page=3&sort=name:desc");
    await expect(status(page)).toHaveText(`Page 3 of 3 · ${ADMIN_SITE_WORKBOOKS} workbooks`);
    const res = await page.goto("/admin/workbooks?pageSize=7&page=-4&sort=password:sideways");
    expect(res?.status()).toBe(200);
    await expect(status(page)).toContainText("Page 1 of 6");
    expect(adminPortal.url).toMatch(/^http:\/\/localhost:/);
  });

  test("alice sorts by each column header", async ({ page, signIn }) => {
    await signIn(page, "alice");
    await page.goto("/admin/workbooks");
    const nameHeader = page.getByRole("columnheader", { name: "Name" });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
    const asc = await firstNames(page);
    expect([...asc].sort((a, b) => a.localeCompare(b))).toEqual(asc);

    await nameHeader.getByRole("link").click();
    await expect(page).toHaveURL(/sort=name%3Adesc/);
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    const desc = await firstNames(page);
    expect(desc[0]! > asc[0]!).toBe(true);

    const updated = page.getByRole("columnheader", { name: "Last updated" });
    await updated.getByRole("link").click();
    await expect(page).toHaveURL(/sort=updatedAt%3Adesc/);
    // The header is rendered with the rows, so its state says the new rows are in.
    await expect(updated).toHaveAttribute("aria-sort", "descending");
    const dates = await rows(page)
      .locator("time")
      .evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
    expect(dates).toHaveLength(25);
    expect([...dates].sort().reverse()).toEqual(dates);

    await page.getByRole("columnheader", { name: "Size" }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=size%3Adesc/);
    await expect(page.getByRole("columnheader", { name: "Size" })).toHaveAttribute("aria-sort", "descending");
  });

  test("alice filters by project, searches by name, and opens a default view link", async ({
    page,
    signIn,
  }) => {
    await signIn(page, "alice");
    await page.goto("/admin/workbooks");
    await page.getByLabel("Project").selectOption("Sales");
    await expect(page).toHaveURL(/project=Sales/);
    await expect(status(page)).toHaveText("Page 1 of 1 · 2 workbooks");
    expect((await firstNames(page)).sort()).toEqual(["Regional Performance", "Superstore"]);

    await page.getByLabel("Project").selectOption("");
    await expect(page).toHaveURL(/project=&/);
    await expect(status(page)).toContainText(`${ADMIN_SITE_WORKBOOKS} workbooks`);
    await page.getByLabel("Name contains").fill("PERFORMANCE");
    await page.getByLabel("Name contains").press("Enter");
    await expect(page).toHaveURL(/q=PERFORMANCE/);
    await expect(rows(page)).toHaveCount(1);
    const link = rows(page).getByRole("link", { name: "Regional Performance" });
    await expect(link).toHaveAttribute("href", "/views/RegionalPerformance/RegionSummary");

    await page.getByLabel("Name contains").fill("no such workbook");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("workbooks-empty")).toContainText("No workbook has a name containing");
    await page.getByRole("link", { name: "Show all workbooks" }).click();
    await expect(status(page)).toContainText(`${ADMIN_SITE_WORKBOOKS} workbooks`);
  });

  test("Tableau down: a clear error, then recovery with Try again", async ({ page, signIn, adminPortal }) => {
    await signIn(page, "alice");
    await page.goto("/admin/workbooks");
    await expect(rows(page)).toHaveCount(25);
    await adminPortal.control("POST", "faults", { prefix: "/api/", down: true });
    await page.goto("/admin/workbooks?page=2");
    const error = page.getByTestId("workbooks-error");
    await expect(error).toContainText("The workbooks could not be loaded");
    await expect(error).toContainText("cannot be reached");
    await expect(page.getByText(/at .*node_modules|TypeError|stack/i)).toHaveCount(0);

    await adminPortal.control("DELETE", "faults");
    await page.getByTestId("workbooks-retry").click();
    await expect(status(page)).toContainText("Page 2 of");
    await expect(rows(page)).toHaveCount(25);

    await adminPortal.control("POST", "faults", { prefix: "/api/", status: 503 });
    await page.getByTestId("refresh").click();
    await expect(page.getByTestId("workbooks-error")).toContainText("HTTP 503");
  });
});

test.describe("admin workbooks are for admins only", () => {
  test("bob gets the 403 page and no admin link", async ({ page, signIn }) => {
    await signIn(page, "bob");
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workbooks" }),
    ).toHaveCount(0);
    const res = await page.goto("/admin/workbooks");
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByTestId("workbook-row")).toHaveCount(0);
  });

  test("the listWorkbooks action refuses bob and anonymous callers who post to it directly", async ({
    page,
    signIn,
    browser,
    baseURL,
  }) => {
    // Capture a real call to the action from alice's page (the Refresh button), then replay it.
    await signIn(page, "alice");
    await page.goto("/admin/workbooks", { waitUntil: "networkidle" });
    const posts: Request[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && "next-action" in r.headers()) posts.push(r);
    });
    // Clicked until the page has hydrated and the button really calls the action.
    await expect(async () => {
      if (posts.length === 0) await page.getByTestId("refresh").click();
      expect(posts.length).toBeGreaterThan(0);
    }).toPass({ timeout: 20_000 });
    const request = posts[0];
    if (!request) throw new Error("the Refresh button never called the action");
    const action: Request = request;
    const headers = Object.fromEntries(
      Object.entries(await action.allHeaders()).filter(
        ([k]) => !["cookie", "content-length", "host"].includes(k),
      ),
    );
    const replay = async (ctx: { request: APIRequestContext }) => {
      const res = await ctx.request.post(action.url(), {
        headers,
        data: action.postData() ?? "",
        maxRedirects: 0,
      });
      return { status: res.status(), body: await res.text() };
    };

    const asAlice = await replay(page);
    expect(asAlice.body).toContain('"ok":true');
    expect(asAlice.body).toContain(`"total":${ADMIN_SITE_WORKBOOKS}`);

    const bobContext = await browser.newContext({ baseURL });
    const bobPage = await bobContext.newPage();
    await signIn(bobPage, "bob");
    const asBob = await replay(bobPage);
    expect(asBob.body).toContain('"code":"forbidden"');
    expect(asBob.body).not.toContain('"workbooks"');
    await bobContext.close();

    const anonContext = await browser.newContext({ baseURL });
    const asAnon = await replay(anonContext);
    expect(asAnon.body).not.toContain('"workbooks"');
    // proxy.ts may turn the anonymous post away before the action runs; if it reaches the action, it is refused.
    if (asAnon.status === 200) expect(asAnon.body).toContain('"code":"unauthenticated"');
    else expect([302, 303, 307, 401, 403]).toContain(asAnon.status);
    // A forged session cookie gets past the proxy, so the action's own check is what refuses it.
    const forged = await anonContext.request.post(action.url(), {
      headers: { ...headers, cookie: "authjs.session-token=forged" },
      data: action.postData() ?? "",
      maxRedirects: 0,
    });
    const forgedBody = await forged.text();
    expect(forgedBody).toContain('"code":"unauthenticated"');
    expect(forgedBody).not.toContain('"workbooks"');
    await anonContext.close();
  });
});
