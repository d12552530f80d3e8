import { DEMO_PASSWORD, DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";

test.describe("sign-in and sign-out", () => {
  for (const user of Object.values(DEMO_USERS)) {
    test(`${user.email} signs in, sees who they are, and signs out`, async ({
      page,
      loginPage,
      portalPage,
    }) => {
      await loginPage.goto();
      await loginPage.signIn(user.email, DEMO_PASSWORD);

      await expect(page).toHaveURL("/");
      await portalPage.expectSignedInAs(user.name);
      await expect(page.getByTestId("portal-email")).toContainText(user.email);
      await expect(portalPage.navLink("Dashboards")).toBeVisible();
      await expect(portalPage.navLink("Workbooks")).toHaveCount(user.role === "admin" ? 1 : 0);

      if (user.tableauUser) {
        await expect(portalPage.tableauUser).toHaveText(user.tableauUser);
        await expect(portalPage.unmappedNotice).toHaveCount(0);
      } else {
        await expect(portalPage.tableauUser).toHaveText("None");
        await expect(portalPage.unmappedNotice).toContainText("not linked to a Tableau user");
      }
      if ("region" in user)
        await expect(page.getByTestId("tableau-attributes")).toHaveText(`Region: ${user.region}`);

      await portalPage.signOut();
      // The session is gone: the portal sends the visitor back to the login page.
      await page.goto("/");
      await expect(page).toHaveURL(/\/login$/);
    });
  }

  test("the e-mail address is case-insensitive", async ({ page, loginPage, portalPage }) => {
    await loginPage.goto();
    await loginPage.signIn("  Carol@Example.COM ", DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
    await portalPage.expectSignedInAs(DEMO_USERS.carol.name);
  });
});

test.describe("refused sign-ins all look the same", () => {
  const cases = [
    ["a wrong password", DEMO_USERS.alice.email, "not-the-password"],
    ["an unknown account", "mallory@example.com", DEMO_PASSWORD],
    ["a malformed e-mail", "alice@", DEMO_PASSWORD],
  ] as const;

  for (const [label, email, password] of cases) {
    test(`${label} gives the one generic message`, async ({ page, loginPage }) => {
      await loginPage.goto();
      // Skip the browser's own type=email check so the server sees the malformed value.
      await page.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
      await loginPage.signIn(email, password);
      await expect(loginPage.error).toHaveText("Wrong e-mail or password.");
      await expect(page).toHaveURL(/\/login/);
      await expect(loginPage.email).toHaveValue(email);
      await expect(loginPage.password).toHaveValue("");
      expect(await page.context().cookies()).not.toContainEqual(
        expect.objectContaining({ name: "authjs.session-token" }),
      );
    });
  }
});

test("a failure reported by Auth.js's own endpoint shows the same message", async ({ page, loginPage }) => {
  await page.goto("/login?error=CredentialsSignin");
  await expect(page).toHaveTitle("Sign in · Vizport");
  await expect(loginPage.error).toHaveText("Wrong e-mail or password.");
});

test.describe("anonymous visitors", () => {
  test("are sent to the login page and come back to where they were going", async ({ page, loginPage }) => {
    await page.goto("/?welcome=1");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2F%3Fwelcome%3D1$/);
    await loginPage.signIn(DEMO_USERS.bob.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/?welcome=1");
  });

  test("cannot be sent off-site after signing in", async ({ page, loginPage }) => {
    await page.goto("/login?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await loginPage.signIn(DEMO_USERS.bob.email, DEMO_PASSWORD);
    await expect(page).toHaveURL("/");
  });

  test("a forged session cookie is turned away by the page itself", async ({ page, context }) => {
    await context.addCookies([{ name: "authjs.session-token", value: "forged", url: PORTAL_URLS.server }]);
    const response = await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    expect(response?.status()).toBe(200);
  });

  test("a signed-in user who opens /login goes home", async ({ page, signIn }) => {
    await signIn(page, "alice");
    await page.goto("/login");
    await expect(page).toHaveURL("/");
  });
});

test.describe("roles", () => {
  test("a viewer who types an admin URL gets the 403 page", async ({ page, signIn, portalPage }) => {
    await signIn(page, "bob");
    const response = await page.goto("/admin/workbooks");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(portalPage.navLink("Workbooks")).toHaveCount(0);
  });
});
