/**
 * Shared Playwright fixtures: page objects and a `signIn` helper that goes through the real login form.
 *   import { test, expect } from "./fixtures";
 *   test("…", async ({ page, signIn }) => { await signIn(page, "bob"); … });
 */
import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserKey } from "./demo-users";
import { LoginPage } from "./pages/login-page";
import { PortalPage } from "./pages/portal-page";

export { expect };
export * from "./demo-users";

/** Signs in through the login form and waits for the portal header. Takes a demo key or an e-mail. */
export async function signIn(page: Page, who: DemoUserKey | string, password = DEMO_PASSWORD): Promise<void> {
  const email = who in DEMO_USERS ? DEMO_USERS[who as DemoUserKey].email : who;
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

type Fixtures = {
  loginPage: LoginPage;
  portalPage: PortalPage;
  signIn: typeof signIn;
};

// The second argument is named `provide`, not `use`, so React's hook lint rule leaves it alone.
export const test = base.extend<Fixtures>({
  loginPage: async ({ page }, provide) => provide(new LoginPage(page)),
  portalPage: async ({ page }, provide) => provide(new PortalPage(page)),
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
  signIn: async ({}, provide) => provide(signIn),
});
