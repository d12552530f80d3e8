/**
 * The portal as a cluster: two instances of one standalone build behind nginx, sharing Redis, on a cluster of
 * this spec's own (e2e/cluster-fixture.ts). Requests alternate between the instances by URL (A, B), or go
 * through nginx (proxy). The tests run in order on one cluster; the last one stops and restarts Redis.
 */
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { MIGRATIONS } from "../lib/db/migrate";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";
import { restSignInsByUser, startE2ECluster, type E2ECluster } from "./cluster-fixture";
import { signInRaw, signOutRaw, tokenStatus, within } from "./cluster-http";
import { VizPage } from "./viz-page";

test.describe.configure({ mode: "serial" });

const VIEW = "/views/Superstore/SalesbyRegion";
let cluster: E2ECluster;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startE2ECluster();
});
test.afterAll(async () => {
  await cluster?.stop();
});

async function signInPage(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

async function expectCatalog(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/`);
  await expect(page.getByRole("heading", { name: "Dashboards", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Sales by Region/ }).first()).toBeVisible();
}

async function expectAdminList(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/admin/workbooks`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toBeVisible();
}

test("the accounts are in the cluster's PostgreSQL, migrated by the instances that started together", async () => {
  const client = new pg.Client({ connectionString: cluster.postgres!.url });
  await client.connect();
  try {
    const migrations = await client.query<{ id: string }>("select id from vizport_migrations order by id");
    expect(migrations.rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id).sort());
    const users = await client.query<{ email: string }>("select email from users");
    const emails = users.rows.map((r) => r.email);
    for (const user of Object.values(DEMO_USERS)) expect(emails).toContain(user.email);
  } finally {
    await client.end();
  }
});

test("a journey alternating between the instances, with one Tableau REST sign-in for it all", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const viz = new VizPage(page);
  await signInPage(page, cluster.a, DEMO_USERS.alice.email);
  await expectCatalog(page, cluster.b);
  await page.goto(`${cluster.a}${VIEW}`);
  await viz.expectInteractive("Sales by Region");
  await page.goto(`${cluster.b}${VIEW}?Region=West`);
  await viz.expectInteractive("Sales by Region");
  await viz.expectRegions(["West"]);
  await expectAdminList(page, cluster.a);
  await expectCatalog(page, cluster.b);
  expect((await restSignInsByUser(cluster))[DEMO_USERS.alice.email]).toBe(1);
});

test("five failed sign-ins spread over both instances lock the account on both", async () => {
  const email = DEMO_USERS.carol.email;
  for (let i = 0; i < 5; i++) {
    const attempt = await signInRaw(i % 2 ? cluster.b : cluster.a, email, `wrong-${i}`);
    expect(attempt.session).toBeUndefined();
    expect(attempt.status).toBe(302);
  }
  expect((await signInRaw(cluster.a, email, DEMO_PASSWORD)).status).toBe(429);
  expect((await signInRaw(cluster.b, email, DEMO_PASSWORD)).status).toBe(429);
});

test("a sign-out on one instance is refused on the other within a second", async () => {
  const { session } = await signInRaw(cluster.a, DEMO_USERS.bob.email, DEMO_PASSWORD);
  expect(session).toBeDefined();
  expect(await tokenStatus(cluster.b, session!)).toBe(200);
  expect(await signOutRaw(cluster.a, session!)).toBe(302);
  const took = await within(async () => (await tokenStatus(cluster.b, session!)) === 401, 1_000);
  test.info().annotations.push({ type: "sign-out seen by the other instance", description: `${took} ms` });
  expect(await tokenStatus(cluster.a, session!)).toBe(401);
});

test("one instance killed mid-session: the user carries on through nginx without an error", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  const viz = new VizPage(page);
  await signInPage(page, cluster.proxy, DEMO_USERS.alice.email);
  await expectCatalog(page, cluster.proxy);
  await cluster.stopInstance(0, "kill");
  try {
    await page.goto(`${cluster.proxy}${VIEW}`);
    await viz.expectInteractive("Sales by Region");
    await expectAdminList(page, cluster.proxy);
    await expectCatalog(page, cluster.proxy);
    expect(failures).toEqual([]);
  } finally {
    await cluster.startInstance(0);
  }
});

test("Redis stopped: viewers carry on, sign-in refuses with 503 and says why; all of it holds once Redis is back", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const viz = new VizPage(page);
  await signInPage(page, cluster.proxy, DEMO_USERS.alice.email);
  const bob = (await signInRaw(cluster.a, DEMO_USERS.bob.email, DEMO_PASSWORD)).session!;

  await cluster.redis.pause();
  const ready = async (base: string) =>
    (await fetch(`${base}/api/ready`)).json() as Promise<{ checks: { store: unknown } }>;
  await within(
    async () => JSON.stringify((await ready(cluster.a)).checks.store).includes("store_unavailable"),
    10_000,
  );

  // Signed-in users keep viewing dashboards; the catalog comes from Tableau.
  await page.goto(`${cluster.proxy}${VIEW}`);
  await viz.expectInteractive("Sales by Region");
  await expectCatalog(page, cluster.proxy);

  // Sign-in is refused, on the form and on Auth.js's endpoint, never let through unlimited.
  const fresh = await browser.newPage();
  await fresh.goto(`${cluster.a}/login`);
  await fresh.getByLabel("E-mail").fill(DEMO_USERS.dave.email);
  await fresh.getByLabel("Password").fill(DEMO_PASSWORD);
  await fresh.getByRole("button", { name: /sign in/i }).click();
  const alert = fresh.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("Sign-in is unavailable for a moment");
  await expect(fresh.getByLabel("E-mail")).toHaveValue(DEMO_USERS.dave.email);
  await fresh.screenshot({ path: test.info().outputPath("login-store-down.png") });
  expect((await signInRaw(cluster.b, DEMO_USERS.dave.email, DEMO_PASSWORD)).status).toBe(503);

  // A sign-out seen during the outage is refused at once where it happened.
  expect(await signOutRaw(cluster.a, bob)).toBe(302);
  expect(await tokenStatus(cluster.a, bob)).toBe(401);

  await cluster.redis.resume();
  await within(async () => (await fetch(`${cluster.b}/api/ready`)).status === 200, 15_000);
  // The other instance hears of that sign-out once Redis is back.
  await within(async () => (await tokenStatus(cluster.b, bob)) === 401, 10_000);
  await fresh.getByLabel("Password").fill(DEMO_PASSWORD);
  await fresh.getByRole("button", { name: /sign in/i }).click();
  await expect(fresh.getByRole("button", { name: "Sign out" })).toBeVisible();
  await fresh.close();

  // The shared limits hold again.
  for (let i = 0; i < 5; i++) await signInRaw(i % 2 ? cluster.a : cluster.b, DEMO_USERS.erin.email, `x-${i}`);
  expect((await signInRaw(cluster.a, DEMO_USERS.erin.email, DEMO_PASSWORD)).status).toBe(429);
  await page.goto(`${cluster.proxy}${VIEW}`);
  await viz.expectInteractive("Sales by Region");
});
