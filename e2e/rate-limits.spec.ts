/**
 * Rate limits as a caller meets them. The 3102 portal keeps the default limits (5 failures per account and 20
 * attempts per address per 15 minutes, 30 tokens per user per minute); 3100/3101 raise the per-address limit
 * because every e2e sign-in comes from one address (playwright.config.ts). Each test uses an account or
 * address of its own (unique per run), so a retry starts from a fresh budget and other specs are unaffected.
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

test("Auth.js's callback endpoint answers 429 with Retry-After past 20 attempts from one address", async ({
  playwright,
}) => {
  // A client behind a proxy chain: the portal keys on the last hop's entry, unique to this run.
  const address = `198.51.100.7, e2e-${run}`;
  const context = await playwright.request.newContext({
    baseURL: PORTAL_URLS.wrongSecret,
    extraHTTPHeaders: { "x-forwarded-for": address },
  });
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 21; attempt += 1) {
    const answer = await context.post("/api/auth/callback/credentials", {
      form: { email: `addr-${attempt}-${run}@example.com`, password: "nope" },
      maxRedirects: 0,
    });
    statuses.push(answer.status());
    if (attempt === 21) {
      expect(answer.status()).toBe(429);
      const retryAfter = Number(answer.headers()["retry-after"]);
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(await answer.json()).toEqual({
        error: { code: "RATE_LIMITED", message: "Too many sign-in attempts. Try again in 15 minutes." },
      });
    }
  }
  expect(statuses.slice(0, 20).filter((status) => status === 429)).toEqual([]);
  await context.dispose();
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
