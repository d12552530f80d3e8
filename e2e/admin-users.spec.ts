/**
 * The user console as admins and viewers meet it, on a portal of this spec's own (its changes to accounts must
 * not reach other specs), once on the embedded SQLite database and once on PostgreSQL (started here, on a
 * port of its own).
 */
import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { startPostgres, type RunningPostgres } from "../test/services/postgres";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { signIn } from "./fixtures";
import { LoginPage } from "./pages/login-page";
import { startPortalWithEmulator, type PrivatePortal } from "./private-portal";
import { send } from "./raw-client";
import { VizPage, VIZ_TIMEOUT } from "./viz-page";

type Kind = "sqlite" | "postgres";

function consoleTest(kind: Kind) {
  return base.extend<object, { console: PrivatePortal }>({
    console: [
      // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
      async ({}, provide) => {
        let postgres: RunningPostgres | undefined;
        const env: Record<string, string> = {
          VIZPORT_EMBED_LIBRARY: "server",
          VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000",
        };
        if (kind === "postgres") {
          postgres = await startPostgres();
          env.DATABASE_URL = postgres.url;
        }
        const portal = await startPortalWithEmulator(`console-${kind}`, env);
        try {
          await provide(portal);
        } finally {
          await portal.stop();
          postgres?.stop();
        }
      },
      { scope: "worker", timeout: 120_000 },
    ],
  });
}

async function signedIn(browser: Browser, url: string, who: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ baseURL: url });
  const page = await context.newPage();
  await signIn(page, who, password);
  return page;
}

async function openAccount(admin: Page, email: string): Promise<void> {
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  await admin.getByRole("link", { name: email, exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: email })).toBeVisible();
}

for (const kind of ["sqlite", "postgres"] as const) {
  const test = consoleTest(kind);
  test.describe(`the user console on ${kind}`, () => {
    test.describe.configure({ mode: "serial" });

    test("an admin adds a mapped user, who sets a password and sees only their region", async ({
      console: portal,
      browser,
    }) => {
      const admin = await signedIn(browser, portal.url, "alice");
      await admin.goto("/admin/users");
      await admin.getByRole("link", { name: "Add a user" }).click();
      await admin.getByLabel("E-mail").fill("frank@example.com");
      await admin.getByLabel("Name", { exact: true }).fill("Frank South");
      await admin.getByLabel("First password").fill("first-pass-123");
      await admin.getByLabel("Tableau username").fill("bob@example.com");
      await admin.getByLabel("User attributes").fill("Region=South");
      await admin.getByRole("button", { name: "Add user" }).click();
      await expect(admin.getByRole("heading", { level: 1, name: "frank@example.com" })).toBeVisible();
      await expect(admin.getByTestId("mapping-check")).toHaveText("exists, site role Viewer");
      await expect(admin.getByTestId("audit-history")).toContainText("alice@example.com created");

      // Frank's first sign-in asks for a password of his own, then the view shows South only.
      const frank = await (await browser.newContext({ baseURL: portal.url })).newPage();
      const login = new LoginPage(frank);
      await login.goto("/views/Superstore/SalesbyRegion");
      await login.signIn("frank@example.com", "first-pass-123");
      await expect(frank.getByRole("heading", { name: "Your password" })).toBeVisible();
      await frank.getByLabel("Current password").fill("first-pass-123");
      await frank.getByLabel("New password", { exact: true }).fill("franks-own-pass");
      await frank.getByLabel("New password again").fill("franks-own-pass");
      await frank.getByRole("button", { name: "Set my password" }).click();
      await expect(frank).toHaveURL(/\/views\/Superstore\/SalesbyRegion$/);
      const viz = new VizPage(frank);
      await viz.expectViewShown("Sales by Region");
      await viz.expectRegions(["South"]);
    });

    test("an admin fixes erin's broken mapping, and erin's view then loads", async ({
      console: portal,
      browser,
    }) => {
      const erin = await signedIn(browser, portal.url, "erin");
      const viz = new VizPage(erin);
      await viz.open("/views/Superstore/SalesbyRegion");
      await expect(viz.error).toContainText("not a user of the Tableau site", { timeout: VIZ_TIMEOUT });

      const admin = await signedIn(browser, portal.url, "alice");
      await admin.goto("/admin/users/check");
      await expect(admin.getByTestId("broken-mappings")).toContainText("erin@example.com");
      await openAccount(admin, "erin@example.com");
      await expect(admin.getByTestId("mapping-check")).toHaveText(
        "not a user of the site: this person would see error 5",
      );
      await admin.getByLabel("Tableau username").fill("carol@example.com");
      await admin.getByLabel("User attributes").fill("Region=East");
      await admin.getByRole("button", { name: "Save changes" }).click();
      await expect(admin.getByTestId("form-saved")).toHaveText("Saved erin@example.com.");
      await expect(admin.getByTestId("form-saved")).toBeFocused();
      await admin.reload();
      await expect(admin.getByTestId("mapping-check")).toHaveText("exists, site role Explorer");

      await viz.open("/views/Superstore/SalesbyRegion");
      await viz.expectViewShown("Sales by Region");
      await viz.expectRegions(["East"]);
    });

    test("an edit made against a stale copy is refused with a clear message", async ({
      console: portal,
      browser,
    }) => {
      const first = await signedIn(browser, portal.url, "alice");
      const second = await (
        await browser.newContext({ baseURL: portal.url, storageState: await first.context().storageState() })
      ).newPage();
      await openAccount(first, "carol@example.com");
      await openAccount(second, "carol@example.com");
      await first.getByLabel("Name", { exact: true }).fill("Carol First");
      await first.getByRole("button", { name: "Save changes" }).click();
      await expect(first.getByTestId("form-saved")).toBeVisible();
      await second.getByLabel("Name", { exact: true }).fill("Carol Second");
      await second.getByRole("button", { name: "Save changes" }).click();
      await expect(second.getByTestId("form-error")).toContainText(
        "was changed by someone else after you opened it",
      );
      await second.reload();
      await expect(second.getByLabel("Name", { exact: true })).toHaveValue("Carol First");
    });

    test("a viewer is refused the console and its actions", async ({ console: portal, browser }) => {
      const admin = await signedIn(browser, portal.url, "alice");
      await openAccount(admin, "dave@example.com");
      // The Save action as the page posts it, to replay with a viewer's cookie.
      const posted = admin.waitForRequest(
        (r) => r.method() === "POST" && Boolean(r.headers()["next-action"]),
      );
      await admin.getByLabel("Name", { exact: true }).fill("Dave Renamed");
      await admin.getByRole("button", { name: "Save changes" }).click();
      const action = await posted;
      await expect(admin.getByTestId("form-saved")).toBeVisible();

      const bob = await signedIn(browser, portal.url, "bob");
      for (const path of ["/admin/users", "/admin/users/new", "/admin/users/check", "/admin/status"]) {
        const answer = await bob.goto(path);
        expect(answer?.status(), path).toBe(403);
      }
      const bobCookie = (await bob.context().cookies()).find((c) => c.name === "authjs.session-token");
      const body = (action.postData() ?? "").replace("Dave Renamed", "Dave Hijacked");
      const replayed = await send(action.url(), {
        method: "POST",
        from: "127.0.0.21",
        body,
        headers: { ...action.headers(), cookie: `authjs.session-token=${bobCookie?.value}` },
      });
      expect(replayed.body).toContain("Only portal administrators can change accounts.");
      await admin.reload();
      await expect(admin.getByLabel("Name", { exact: true })).toHaveValue("Dave Renamed");
    });

    test("a disabled user is signed out at their next request", async ({ console: portal, browser }) => {
      const carol = await signedIn(browser, portal.url, "carol");
      await carol.goto("/");
      await expect(carol.getByRole("heading", { name: "Dashboards" })).toBeVisible();
      const admin = await signedIn(browser, portal.url, "alice");
      await openAccount(admin, "carol@example.com");
      await admin.getByRole("button", { name: "Disable account" }).click();
      await expect(admin.getByRole("status").filter({ hasText: "is disabled" })).toBeVisible();
      await carol.goto("/");
      await expect(carol).toHaveURL(/\/login/);
      expect((await carol.request.post("/api/tableau/token")).status()).toBe(401);
      const login = new LoginPage(carol);
      await login.signIn(DEMO_USERS.carol.email, DEMO_PASSWORD);
      await expect(login.error).toHaveText(
        "This account is disabled. Ask a portal administrator to enable it.",
      );
    });
  });
}
