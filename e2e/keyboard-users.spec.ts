/**
 * The admin user console by keyboard (Tab / Enter only, and typing into fields): a search keeps focus in its
 * field and says what it found; opening an account moves focus to its page; a refused save puts focus on what
 * went wrong. Nothing here changes an account.
 */
import { announcer, skipLink, tab, tabTo } from "./a11y/keyboard";
import { expect, PORTAL_URLS, test } from "./fixtures";

test.use({ baseURL: PORTAL_URLS.server });

test("alice searches the accounts, opens one and is told why a save was refused", async ({
  page,
  signIn,
}) => {
  await signIn(page, "alice");
  await page.goto("/admin/users");
  await expect(page.getByTestId("user-row").first()).toBeVisible();
  await tab(page, skipLink(page));
  await page.keyboard.press("Enter");
  const main = page.getByRole("main");
  await expect(main).toBeFocused();

  const search = page.getByRole("searchbox", { name: "Search accounts" });
  await tab(page, search);
  await page.keyboard.type("bob");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/users\?q=bob$/);
  await expect(page.getByTestId("users-summary")).toHaveText("1 account matching “bob”, page 1 of 1.");
  // A client-side search: the field keeps focus, and the outcome is said.
  await expect(search).toBeFocused();
  await expect(announcer(page)).toHaveText("1 account matching “bob”, page 1 of 1.");

  const bob = page.getByRole("link", { name: "bob@example.com" });
  await tabTo(page, bob, 6);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "bob@example.com" })).toBeVisible();
  await expect(main).toBeFocused();

  const name = page.getByLabel("Name", { exact: true });
  await tabTo(page, name, 6);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  const save = page.getByRole("button", { name: "Save changes" });
  await tabTo(page, save, 10);
  await page.keyboard.press("Enter");
  const refusal = page.getByTestId("form-error");
  await expect(refusal).toHaveText("Check the fields marked below.");
  await expect(refusal).toBeFocused();
  await expect(name).toHaveAttribute("aria-invalid", "true");
});
