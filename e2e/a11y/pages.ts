/**
 * Every page and state a visitor can reach on the shared e2e portals, for the accessibility specs. To cover a new
 * page, add a row: who visits, where, and how to know the state is on screen (and, when a URL alone does not
 * reach it, the steps that do). Rows with `viz: true` wait for the viz iframe, which axe then checks too.
 */
import { expect, type Page } from "@playwright/test";
import type { DemoUserKey } from "../demo-users";
import { VizPage } from "../viz-page";

/** The kinds of visitor, and the demo account that plays each (null: not signed in). */
export const VISITORS = {
  admin: "alice",
  viewer: "bob",
  unmapped: "dave",
  "missing Tableau user": "erin",
  anonymous: null,
} as const satisfies Record<string, DemoUserKey | null>;
export type Visitor = keyof typeof VISITORS;

export interface PageState {
  name: string;
  visitor: Visitor;
  path: string;
  /** Which e2e portal serves it (default: the Embedding API from the server). */
  portal?: "server" | "wrongSecret";
  /** The page shows a viz: wait until its iframe shows the view or its error. */
  viz?: "interactive" | "error";
  /** Waits until the state is on screen, after taking any steps the state needs. */
  ready: (page: Page) => Promise<void>;
}

const heading = (name: string | RegExp) => async (page: Page) =>
  expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
const testId = (id: string) => async (page: Page) => expect(page.getByTestId(id).first()).toBeVisible();
const interactive = (view: string) => async (page: Page) => new VizPage(page).expectInteractive(view);
const vizError = async (page: Page) => expect(new VizPage(page).error).toBeVisible({ timeout: 30_000 });

export const PAGE_STATES: PageState[] = [
  { name: "sign-in", visitor: "anonymous", path: "/login", ready: heading("Sign in") },
  {
    name: "sign-in, refused",
    visitor: "anonymous",
    path: "/login",
    ready: async (page) => {
      await page.getByLabel("E-mail").fill("alice@example.com");
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("main").getByRole("alert")).toHaveText("Wrong e-mail or password.");
    },
  },
  {
    name: "sign-in, provider error",
    visitor: "anonymous",
    path: "/login?error=Configuration",
    ready: async (page) =>
      expect(page.getByRole("main").getByRole("alert")).toHaveText("Sign-in failed. Please try again."),
  },
  { name: "not found", visitor: "anonymous", path: "/no-such-file.txt", ready: heading("Page not found") },

  { name: "catalog", visitor: "admin", path: "/", ready: testId("catalog-view") },
  { name: "catalog, search", visitor: "admin", path: "/?q=region", ready: testId("catalog-count") },
  { name: "catalog, no match", visitor: "admin", path: "/?q=zzzz", ready: testId("catalog-no-match") },
  {
    name: "view",
    visitor: "admin",
    path: "/views/Superstore/SalesbyRegion",
    viz: "interactive",
    ready: interactive("Sales by Region"),
  },
  {
    name: "dashboard view (tabs)",
    visitor: "admin",
    path: "/views/Superstore/Overview",
    viz: "interactive",
    ready: interactive("Overview"),
  },
  {
    name: "view, Connected App refused (admin line)",
    visitor: "admin",
    path: "/views/Superstore/SalesbyRegion",
    portal: "wrongSecret",
    viz: "error",
    ready: vizError,
  },
  {
    name: "view not found",
    visitor: "admin",
    path: "/views/Superstore/Nope",
    ready: testId("view-not-found"),
  },
  { name: "workbooks", visitor: "admin", path: "/admin/workbooks", ready: testId("workbook-row") },
  {
    name: "workbooks, no match",
    visitor: "admin",
    path: "/admin/workbooks?q=zzzz",
    ready: testId("workbooks-empty"),
  },
  { name: "users", visitor: "admin", path: "/admin/users", ready: testId("user-row") },
  {
    name: "users, no match",
    visitor: "admin",
    path: "/admin/users?q=zzzz",
    ready: async (page) => expect(page.getByTestId("users-summary")).toHaveText(/^No account matches/),
  },
  { name: "add a user", visitor: "admin", path: "/admin/users/new", ready: heading("Add a user") },
  {
    name: "add a user, refused",
    visitor: "admin",
    path: "/admin/users/new",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: "Add a user" })).toBeVisible();
      // Clicked until the page has hydrated and the form runs its action.
      await expect(async () => {
        await page.getByRole("button", { name: "Add user" }).click();
        await expect(page.getByTestId("form-error")).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
    },
  },
  {
    name: "a user",
    visitor: "admin",
    path: "/admin/users?q=bob",
    ready: async (page) => {
      await page.getByRole("link", { name: "bob@example.com" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "bob@example.com" })).toBeVisible();
      await expect(page.getByTestId("mapping-check").first()).toBeVisible();
    },
  },
  {
    name: "check every mapping",
    visitor: "admin",
    path: "/admin/users/check",
    ready: testId("check-summary"),
  },
  { name: "status", visitor: "admin", path: "/admin/status", ready: testId("status-verdict") },
  { name: "password", visitor: "admin", path: "/account/password", ready: heading("Your password") },
  {
    name: "password, refused",
    visitor: "admin",
    path: "/account/password",
    ready: async (page) => {
      await expect(page.getByRole("heading", { level: 1, name: "Your password" })).toBeVisible();
      await page.getByLabel("Current password").fill("not-the-password");
      await page.getByLabel("New password", { exact: true }).fill("a-new-password-1");
      await page.getByLabel("New password again").fill("a-new-password-2");
      await expect(async () => {
        await page.getByRole("button", { name: "Set my password" }).click();
        await expect(page.getByRole("main").getByRole("alert")).toBeVisible({ timeout: 2_000 });
      }).toPass({ timeout: 20_000 });
    },
  },
  { name: "not found", visitor: "admin", path: "/no-such-page", ready: heading("Page not found") },

  { name: "catalog", visitor: "viewer", path: "/", ready: testId("catalog-view") },
  {
    name: "view (row-level security)",
    visitor: "viewer",
    path: "/views/Superstore/SalesbyRegion",
    viz: "interactive",
    ready: interactive("Sales by Region"),
  },
  {
    name: "view not shared",
    visitor: "viewer",
    path: "/views/ExecutiveFinance/ProfitOverview",
    ready: testId("view-not-found"),
  },
  { name: "admin page refused", visitor: "viewer", path: "/admin/workbooks", ready: heading(/have access/) },
  { name: "users refused", visitor: "viewer", path: "/admin/users", ready: heading(/have access/) },
  { name: "status refused", visitor: "viewer", path: "/admin/status", ready: heading(/have access/) },
  { name: "password", visitor: "viewer", path: "/account/password", ready: heading("Your password") },

  { name: "home, no Tableau user", visitor: "unmapped", path: "/", ready: testId("unmapped-notice") },
  {
    name: "view, no Tableau user",
    visitor: "unmapped",
    path: "/views/Superstore/SalesbyRegion",
    ready: testId("unmapped-notice"),
  },

  { name: "catalog error", visitor: "missing Tableau user", path: "/", ready: testId("catalog-error") },
  {
    name: "view, sign-in refused",
    visitor: "missing Tableau user",
    path: "/views/Superstore/SalesbyRegion",
    viz: "error",
    ready: vizError,
  },
];
