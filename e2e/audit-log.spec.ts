/**
 * The audit log as an operator reads it: the 3100 portal's stdout is captured to a file (playwright.config.ts).
 * One sign-in, a view (token mint) and the admin listing under a known request id each leave one JSON line with
 * that id, the user and the outcome; a REST sign-in to Tableau leaves one too; a refused password leaves a line with its reason and no password. The
 * whole log so far holds no token, password or secret.
 */
import { readFileSync } from "node:fs";
import { demoEnv } from "../scripts/demo-env";
import { DEMO_PASSWORD, DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";
import { PORTAL_LOG } from "./portal-log";
import { E2E_AUTH_SECRET } from "./servers";
import { VizPage } from "./viz-page";

test.use({ baseURL: PORTAL_URLS.server });

type Line = Record<string, unknown> & { event?: string; requestId?: string };

function lines(): Line[] {
  return readFileSync(PORTAL_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);
}

async function linesFor(requestIdPrefix: string, event: string): Promise<Line[]> {
  let found: Line[] = [];
  await expect
    .poll(() => {
      found = lines().filter((line) => line.event === event && line.requestId?.startsWith(requestIdPrefix));
      return found.length;
    })
    .toBeGreaterThan(0);
  return found;
}

test("sign-in, token mint and admin listing each leave a line with the request id; never a secret", async ({
  page,
  loginPage,
}) => {
  const id = `audit-${Date.now()}`;
  // On the portal's own requests only: Tableau's (the emulator's) CORS would refuse an extra header.
  await page.route(`${PORTAL_URLS.server}/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-request-id": id } }),
  );

  await loginPage.goto();
  await loginPage.signIn(DEMO_USERS.alice.email, "a-wrong-password-for-the-audit-test");
  await expect(loginPage.error).toHaveText("Wrong e-mail or password.");
  const [rejected] = await linesFor(id, "auth.signin");
  expect(rejected).toMatchObject({
    user: DEMO_USERS.alice.email,
    outcome: "rejected",
    reason: "wrong_password",
  });

  await loginPage.signIn(DEMO_USERS.alice.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect
    .poll(() => lines().filter((l) => l.requestId === id && l.outcome === "ok").length)
    .toBeGreaterThan(0);

  const viz = new VizPage(page);
  await viz.open("/views/Superstore/SalesbyRegion");
  await viz.expectInteractive("Sales by Region");
  const [mint] = await linesFor(id, "token.mint");
  expect(mint).toMatchObject({ user: DEMO_USERS.alice.email, tableauUser: DEMO_USERS.alice.tableauUser });
  expect(mint?.jtiHash).toMatch(/^[0-9a-f]{8,}$/);

  await page.goto("/admin/workbooks");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const listings = await linesFor(id, "admin.workbooks.list");
  expect(listings.some((line) => line.outcome === "ok" && line.user === DEMO_USERS.alice.email)).toBe(true);

  // REST sign-ins are shared per Tableau user, so alice's may have come from an earlier spec's request: there
  // is one, with who asked, the Tableau user, the outcome and a request id.
  let restSignIns: Line[] = [];
  await expect
    .poll(() => {
      restSignIns = lines().filter(
        (l) => l.event === "tableau.rest_signin" && l.tableauUser === DEMO_USERS.alice.tableauUser,
      );
      return restSignIns.length;
    })
    .toBeGreaterThan(0);
  expect(restSignIns[0]).toMatchObject({ user: DEMO_USERS.alice.email, outcome: "success", attempt: 1 });
  expect(typeof restSignIns[0]?.requestId).toBe("string");

  const log = readFileSync(PORTAL_LOG, "utf8");
  expect(log).not.toContain("eyJ"); // a JWT's header
  expect(log).not.toContain("a-wrong-password-for-the-audit-test");
  expect(log).not.toMatch(/"password"/i);
  expect(log).not.toContain(demoEnv().TABLEAU_CA_SECRET_VALUE ?? "never");
  expect(log).not.toContain(E2E_AUTH_SECRET);
});
