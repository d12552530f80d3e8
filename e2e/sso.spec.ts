/**
 * Single sign-on through the browser's real redirect flow: the portal, a real OpenID Connect provider
 * (scripts/oidc-provider, with the demo people) and a private emulator, all started here, with the demo rules
 * (data/sso-rules.demo.json) seeded into the portal's fresh database. Covers who gets in as what, group changes
 * at the next sign-in, the error pages, sign-out at both ends, and measures one sign-in.
 */
import { expect, test, type Page } from "@playwright/test";
import { VizPage } from "./viz-page";
import { choosePerson, ssoButton, ssoSignIn, startSsoSetup, type SsoSetup } from "./sso-portal";

let setup: SsoSetup;

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A short timeout, so the hanging-provider case ends in seconds.
  setup = await startSsoSetup({ VIZPORT_SSO_TIMEOUT_SECONDS: "3" });
});
test.afterAll(async () => setup?.stop());
test.afterEach(async () => setup.control("reset", {}));

const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function expectCatalog(page: Page, name: string) {
  await expect(page.getByRole("heading", { level: 1, name: "Dashboards" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(name);
}

/**
 * One sign-in from the click on "Sign in with …" to the catalog, the provider's two pages clicked at once, with
 * its requests counted by origin and the moments it reached the provider, the callback and the catalog.
 */
async function measuredSignIn(page: Page, person: string, label: string): Promise<void> {
  await page.goto(`${setup.portal.url}/login`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const requests: Array<{ origin: string; path: string; at: number }> = [];
  const listener = (request: { url(): string }) => {
    const url = new URL(request.url());
    requests.push({ origin: url.origin, path: url.pathname, at: Date.now() });
  };
  page.on("request", listener);
  const started = Date.now();
  await ssoButton(page).click();
  await choosePerson(page, setup, person);
  await expectCatalog(page, person);
  const ms = Date.now() - started;
  page.off("request", listener);
  const count = (origin: string) => requests.filter((r) => r.origin === origin).length;
  const first = (test_: (r: { origin: string; path: string }) => boolean) =>
    (requests.find(test_)?.at ?? started) - started;
  const portal = count(setup.portal.url);
  const provider = count(setup.provider.issuer);
  const description =
    `${label}: ${ms} ms from click to catalog (provider reached at ${first((r) => r.origin === setup.provider.issuer)} ms, ` +
    `callback at ${first((r) => r.path === "/api/auth/callback/oidc")} ms); ${requests.length} requests ` +
    `(portal ${portal}, provider ${provider}, other ${requests.length - portal - provider})`;
  test.info().annotations.push({ type: "sso-sign-in", description });
  console.log(`sso sign-in ${description}`);
}

test("a person in the admins group becomes an admin and reaches the workbook list; one sign-in measured", async ({
  page,
}) => {
  await measuredSignIn(page, "Alice Admin", "first, cold portal");

  await nav(page).getByRole("link", { name: "Workbooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workbooks" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Superstore");
});

test("a person with a region claim sees only that region in a viz", async ({ page }) => {
  await ssoSignIn(page, setup, "Bob Viewer");
  await expectCatalog(page, "Bob Viewer");
  await expect(nav(page).getByRole("link", { name: "Workbooks" })).toHaveCount(0);
  const viz = new VizPage(page);
  await viz.open(`${setup.portal.url}/views/Superstore/SalesbyRegion`);
  await viz.expectInteractive("Sales by Region");
  await expect(viz.caption).toContainText("bob@example.com");
  await viz.expectRegions(["West"]);
});

test("a person no rule matches is refused with a page that says what to do", async ({ page }) => {
  await ssoSignIn(page, setup, "Olga Outsider");
  await expect(page).toHaveURL(/\/login\/sso-refused\?code=no_rule_matched$/);
  await expect(page.getByRole("heading", { name: "You cannot use this portal yet" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Ask the portal's administrator to give you access");
  await page.goto(`${setup.portal.url}/`);
  await expect(page).toHaveURL(/\/login$/);
});

test("a changed group takes effect at the next sign-in", async ({ page }) => {
  await ssoSignIn(page, setup, "Carol Viewer");
  await expectCatalog(page, "Carol Viewer");
  await expect(nav(page).getByRole("link", { name: "Workbooks" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  await setup.control("people/carol", { groups: ["vizport-admins"], region: null });
  await ssoSignIn(page, setup, "Carol Viewer");
  await expectCatalog(page, "Carol Viewer");
  await nav(page).getByRole("link", { name: "Workbooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workbooks" })).toBeVisible();
});

test("the provider down gives a clear page, at the start and at the callback", async ({ page }) => {
  await setup.control("outage", { endpoints: ["discovery"], mode: "503" });
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await expect(page).toHaveURL(/\/login\/sso-error\?reason=provider_unreachable$/);
  await expect(page.getByRole("heading", { name: "The identity provider is not answering" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Try again in a few minutes");

  await setup.control("outage", { endpoints: ["discovery"], mode: "hang" });
  const started = Date.now();
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await expect(page).toHaveURL(/reason=provider_unreachable$/, { timeout: 20_000 });
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);

  // Down between the redirect and the callback: the token endpoint drops the connection.
  await setup.control("outage", { endpoints: [] });
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await setup.control("outage", { endpoints: ["token"], mode: "reset" });
  await choosePerson(page, setup, "Bob Viewer");
  await expect(page).toHaveURL(/\/login\/sso-error\?reason=provider_unreachable$/);
});

test("denied consent gets its own page", async ({ page }) => {
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await page.getByRole("button", { name: "Sign in as Bob Viewer" }).click();
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/login\/sso-error\?reason=access_denied$/);
  await expect(page.getByRole("heading", { name: "Sign-in cancelled" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("sign in again and allow it");
});

test("a callback whose state this browser did not start gets its own page", async ({ page, context }) => {
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await expect(page.getByRole("heading", { name: "Sign in to the demo identity provider" })).toBeVisible();
  const checks = (await context.cookies(setup.portal.url)).map((cookie) => cookie.name);
  expect(checks).toEqual(
    expect.arrayContaining(["authjs.state", "authjs.nonce", "authjs.pkce.code_verifier"]),
  );
  // The portal's check cookies gone (another browser, or blocked cookies): the callback is not ours.
  await context.clearCookies({ name: /^authjs\.(state|nonce|pkce)/ });
  await choosePerson(page, setup, "Bob Viewer");
  await expect(page).toHaveURL(/\/login\/sso-error\?reason=state_mismatch$/);
  await expect(page.getByRole("heading", { name: "This sign-in could not be checked" })).toBeVisible();
  await page.goto(`${setup.portal.url}/`);
  await expect(page).toHaveURL(/\/login$/);
});

test("an unverified e-mail gets its own page", async ({ page }) => {
  await ssoSignIn(page, setup, "Uma Unverified");
  await expect(page).toHaveURL(/\/login\/sso-error\?reason=email_unverified$/);
  await expect(page.getByRole("heading", { name: "Your e-mail address is not verified" })).toBeVisible();
});

test("sign-out ends the portal session and the provider's", async ({ page, context }) => {
  await measuredSignIn(page, "Alice Admin", "warm portal");
  // While the provider's session lives, a new sign-in goes straight through, without its login page.
  const portalCookies = (await context.cookies(setup.portal.url)).filter((c) => c.name.startsWith("authjs."));
  await context.clearCookies({ name: /^authjs\./ });
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await expectCatalog(page, "Alice Admin");
  expect(portalCookies.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${setup.portal.url}/login`);
  await page.goto(`${setup.portal.url}/`);
  await expect(page).toHaveURL(/\/login$/);
  await ssoButton(page).click();
  await expect(page.getByRole("heading", { name: "Sign in to the demo identity provider" })).toBeVisible();
});
