/**
 * Rate limits as a user meets them. The wrong-secret portal keeps the default per-account and token limits
 * (5 failures per account per 15 minutes, 30 tokens per user per minute); every e2e portal raises the
 * per-address limit, because every e2e sign-in comes from one address (playwright.config.ts): that limit is
 * tested, with each probe from an address of its own, in e2e/hostile-client.spec.ts. Each test uses an
 * account of its own (unique per run), so a retry starts from a fresh budget and other specs are unaffected.
 */
import { VizPage } from "./viz-page";
import { DEMO_PASSWORD, DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";

const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test("the login form says to wait after 5 failures for one account, even with the right password next", async ({
  page,
  loginPage,
}) => {
  const email = `locked-${run}@example.com`;
  await loginPage.goto();
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await loginPage.signIn(email, "not-the-password");
    await expect(loginPage.error).toHaveText("Wrong e-mail or password.");
    await expect(loginPage.submit).toBeEnabled();
  }
  await loginPage.signIn(email, "not-the-password");
  await expect(loginPage.error).toHaveText("Too many sign-in attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/login/);
});

test.describe("token route", () => {
  test.use({ baseURL: PORTAL_URLS.wrongSecret });

  test("answers 429 RATE_LIMITED with Retry-After past 30 requests a minute for one user", async ({
    page,
    signIn,
  }) => {
    await signIn(page, "carol");
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof page.request.post>> | undefined;
    for (let i = 0; i < 31 && !limited; i += 1) {
      const answer = await page.request.post("/api/tableau/token");
      statuses.push(answer.status());
      if (answer.status() === 429) limited = answer;
    }
    // A fresh minute allows exactly 30; a retry within the minute finds fewer left, never more.
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(30);
    expect(limited).toBeDefined();
    const retryAfter = Number(limited?.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await limited?.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.message).toMatch(
      /^Too many dashboard loads in a short time\. Try again in \d+ seconds?\.$/,
    );
    expect(limited?.headers()["cache-control"]).toBe("no-store, no-transform");

    // The viz says so in its own words, with the wait from Retry-After (this portal's secret is wrong, but
    // the token route refuses before Tableau is asked).
    const viz = new VizPage(page);
    await viz.open("/views/Superstore/SalesbyRegion");
    await expect(viz.error.locator("h2")).toHaveText("Too many dashboard loads");
    await expect(viz.error).toContainText(/Try again in \d+ seconds?\./);
  });
});

test("a successful sign-in clears the account's failures", async ({ page, loginPage }) => {
  // Success, 4 failures, success, 4 failures, success: never locked, since each success starts the count again
  // (the first one also clears what an earlier attempt of this test left). erin stays below the limit
  // throughout, so the specs that sign her in are unaffected.
  const signOut = page.getByRole("button", { name: "Sign out" });
  const succeed = async () => {
    await loginPage.signIn(DEMO_USERS.erin.email, DEMO_PASSWORD);
    await expect(signOut).toBeVisible();
    // Wait for the sign-out to land on the login page: navigating at once would abort it.
    await signOut.click();
    await expect(page).toHaveURL(/\/login$/);
  };
  const fail4 = async () => {
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await loginPage.signIn(DEMO_USERS.erin.email, "not-the-password");
      await expect(loginPage.error).toHaveText("Wrong e-mail or password.");
      await expect(loginPage.submit).toBeEnabled();
    }
  };
  await loginPage.goto();
  await succeed();
  await fail4();
  await succeed();
  await fail4();
  await succeed();
});
