/**
 * Reliability: the private emulator's faults while people work. Tableau down, slow, failing 30% of requests,
 * sessions expiring, the clock moved: on the catalog, a view page, the admin list, the token route and
 * /api/ready, the portal never answers a 500 or shows a stack trace, says what is wrong, and works again once
 * the fault ends, without a restart. One worker, one private portal, one case at a time.
 */
import {
  aliceAtWork,
  catalog,
  catalogError,
  expectNoCrash,
  expectReady,
  expectTokenRoute,
  note,
  since,
  VIEW,
  watchPortal,
  workbookRows,
  workbooksError,
} from "./reliability-checks";
import { expect, test } from "./reliability-portal";

// Faults are drawn from a seeded stream, so a failure here is real: no retry may hide it.
test.describe.configure({ mode: "serial", retries: 0 });

test.beforeEach(async ({ reliabilityPortal }) => reliabilityPortal.control("POST", "reset"));

test("Tableau down: every surface says Tableau cannot be reached, then works again", async ({
  page,
  reliabilityPortal: portal,
}, info) => {
  const watch = watchPortal(page, portal.url);
  const viz = await aliceAtWork(page);
  await portal.control("POST", "faults", { prefix: "/", down: true });

  let res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await expect(catalogError(page)).toContainText("Dashboards could not be loaded.");
  await expect(catalogError(page)).toContainText("cannot be reached: the connection failed");
  await expectNoCrash(page);
  await page.screenshot({ path: info.outputPath("catalog-tableau-down.png") });

  res = await page.goto(VIEW);
  expect(res?.status()).toBe(200);
  // The Embedding API may come from the browser's cache (then the embed sign-in fails) or not (then the script
  // does): either way the title says Tableau cannot be reached, and the admin line names reachability.
  await expect(viz.error).toBeVisible();
  await expect(viz.error.locator("h2")).toHaveText(/^Tableau (is not reachable|could not be reached)$/);
  await expect(page.getByTestId("viz-error-admin")).toContainText(/reachable from (users' )?browsers/);
  await expectNoCrash(page);
  note(info, "view page", (await viz.error.locator("h2").innerText()).trim());

  res = await page.goto("/admin/workbooks");
  expect(res?.status()).toBe(200);
  await expect(workbooksError(page)).toContainText("cannot be reached: the connection failed");
  await expectNoCrash(page);
  await expectTokenRoute(page.request, portal.url);
  await expectReady(page.request, (r) => r.checks.tableau.reason === "tableau_unreachable");

  await portal.control("DELETE", "faults");
  const up = performance.now();
  await workbooksError(page).getByTestId("workbooks-retry").click();
  await expect(workbookRows(page)).toHaveCount(4);
  note(info, "recovery: admin list (Try again)", since(up));
  await page.goto("/");
  await expect(catalog(page)).toHaveText("9 views.");
  note(info, "recovery: catalog", since(up));
  await page.goto(VIEW);
  await viz.expectInteractive("Sales by Region");
  note(info, "recovery: view page", since(up));
  await expectReady(page.request, (r) => r.ok);
  note(info, "recovery: /api/ready", since(up));
  watch.expectNo500();
});

test("Tableau slow by 5 s: loading states, then the data", async ({
  page,
  reliabilityPortal: portal,
}, info) => {
  const viz = await aliceAtWork(page);
  // The REST API (the portal's server side) and the view the iframe loads.
  await portal.control("POST", "faults", { prefix: "/api/", latencyMs: 5_000 });
  await portal.control("POST", "faults", { prefix: "/t/", latencyMs: 5_000 });
  const admin = await page.context().newPage();
  const home = await page.context().newPage();
  const watches = [page, admin, home].map((p) => watchPortal(p, portal.url));
  const started = performance.now();

  const views = async () => {
    await page.goto(VIEW, { waitUntil: "commit" });
    // The page stopped waiting for its slow REST lookup (the viz does not need it), and the viz shows its own
    // loading state until Tableau answers.
    note(info, "view page: first byte", since(started));
    expect(portal.log()).toContain('"event":"view.resolve_slow"');
    await expect(page.getByTestId("viz-loading")).toBeVisible();
    await viz.expectInteractive("Sales by Region");
    note(info, "view page: interactive", since(started));
  };
  const workbooks = async () => {
    await admin.goto("/admin/workbooks", { waitUntil: "commit" });
    await expect(admin.getByTestId("workbooks-loading")).toContainText("Loading workbooks from Tableau…");
    await expect(workbookRows(admin)).toHaveCount(4, { timeout: 20_000 });
    note(info, "admin list: rows", since(started));
  };
  const dashboards = async () => {
    await home.goto("/", { waitUntil: "commit" });
    await expect(home.getByRole("status").filter({ hasText: "Loading your dashboards…" })).toBeVisible();
    await expect(catalog(home)).toHaveText("9 views.", { timeout: 15_000 });
    note(info, "catalog: views", since(started));
  };
  await Promise.all([views(), workbooks(), dashboards()]);
  for (const p of [page, admin, home]) await expectNoCrash(p);
  await expectTokenRoute(page.request, portal.url);
  // The probe gives each call 5 s, as long as the fault's delay: whichever call runs out first (serverinfo or
  // the sign-in), readiness reports a timeout.
  await expectReady(
    page.request,
    (r) =>
      !r.ok &&
      [r.checks.tableau.reason, r.checks.signin.reason].some((reason) => reason === "tableau_timeout"),
  );
  for (const w of watches) w.expectNo500();
});

test("Tableau slower than the REST timeout: a clear 'too slow' message, then the data", async ({
  page,
  reliabilityPortal: portal,
}, info) => {
  await aliceAtWork(page);
  await portal.control("POST", "faults", { prefix: "/api/", latencyMs: 11_000 });
  const admin = await page.context().newPage();
  const watches = [page, admin].map((p) => watchPortal(p, portal.url));
  const started = performance.now();
  await Promise.all([page.goto("/", { waitUntil: "commit" }), admin.goto("/admin/workbooks")]);
  await expect(catalogError(page)).toContainText("is too slow: it did not answer in time", {
    timeout: 15_000,
  });
  await expect(workbooksError(admin)).toContainText("is too slow: it did not answer in time");
  note(info, "message after", since(started));
  for (const p of [page, admin]) await expectNoCrash(p);

  await portal.control("DELETE", "faults");
  const up = performance.now();
  await workbooksError(admin).getByTestId("workbooks-retry").click();
  await expect(workbookRows(admin)).toHaveCount(4);
  await page.reload();
  await expect(catalog(page)).toHaveText("9 views.");
  note(info, "recovery: catalog and admin list", since(up));
  for (const w of watches) w.expectNo500();
});
