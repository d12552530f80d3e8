/**
 * WCAG 2.1 AA on the single sign-on pages (e2e/a11y/check.ts): the login page with its provider button, the
 * refusal and error pages a person can land on, and the rules page an admin edits. They need a portal set up
 * for single sign-on against a real provider, so they have their own (e2e/sso-portal.ts).
 */
import { expect, test } from "@playwright/test";
import { checkAccessibility } from "./a11y/check";
import { E2E_PORTS } from "./ports";
import { ssoButton, ssoSignIn, startSsoSetup, type SsoSetup } from "./sso-portal";

let setup: SsoSetup;

test.describe.configure({ mode: "serial" });
test.setTimeout(90_000);

test.beforeAll(async () => {
  test.setTimeout(120_000);
  setup = await startSsoSetup({}, E2E_PORTS.oidcProviderA11y);
});
test.afterAll(async () => setup?.stop());

test("anonymous: the login page with single sign-on", async ({ page }) => {
  await page.goto(`${setup.portal.url}/login`);
  await expect(ssoButton(page)).toBeVisible();
  await checkAccessibility(page, "anonymous | login with single sign-on");
});

test("anonymous: a refused sign-in and each kind of failed one", async ({ page }) => {
  await page.goto(`${setup.portal.url}/login/sso-refused?code=no_rule_matched`);
  await expect(page.getByRole("heading", { level: 1, name: "You cannot use this portal yet" })).toBeVisible();
  await checkAccessibility(page, "anonymous | sso refused");
  for (const reason of [
    "provider_unreachable",
    "access_denied",
    "state_mismatch",
    "email_unverified",
    "made-up",
  ]) {
    await page.goto(`${setup.portal.url}/login/sso-error?reason=${reason}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await checkAccessibility(page, `anonymous | sso error ${reason}`);
  }
});

test("admin (through single sign-on): the rules page", async ({ page }) => {
  await ssoSignIn(page, setup, "Alice Admin");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboards" })).toBeVisible();
  await page.goto(`${setup.portal.url}/admin/sso`);
  await expect(page.getByRole("heading", { level: 1, name: "Single sign-on rules" })).toBeVisible();
  await checkAccessibility(page, "admin | sso rules");
});
