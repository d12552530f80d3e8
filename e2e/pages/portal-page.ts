import { expect, type Locator, type Page } from "@playwright/test";

/** The portal chrome (header) and the landing page's account card. */
export class PortalPage {
  readonly header: Locator;
  readonly nav: Locator;
  readonly currentUser: Locator;
  readonly signOutButton: Locator;
  readonly tableauUser: Locator;
  readonly unmappedNotice: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole("banner");
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.currentUser = page.getByTestId("current-user");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.tableauUser = page.getByTestId("tableau-user");
    this.unmappedNotice = page.getByTestId("unmapped-notice");
  }

  navLink(name: "Dashboards" | "Workbooks"): Locator {
    return this.nav.getByRole("link", { name });
  }

  async expectSignedInAs(name: string): Promise<void> {
    await expect(this.currentUser).toHaveText(name);
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/login$/);
  }
}
