/**
 * `npm run screenshots`: retakes the README's screenshots (docs/screenshots/) from a fresh emulator and portal
 * (the production build, rebuilt when stale), as the demo users see them, in headless Chromium.
 */
import { existsSync } from "node:fs";
import { chromium, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { portalSessionCookie } from "./bench/lib/portal-session";
import { demoEnv } from "./demo-env";
import { startEmulatorAllowing } from "./emulator-process";
import { buildIfStale, freePort, start, waitForUrl } from "./processes";

const OUT = "docs/screenshots";
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// `--ports 9700,9701` pins the emulator's and the portal's ports (a shared machine hands out port ranges).
const pinned = /^(\d{2,5}),(\d{2,5})$/.exec(process.argv[process.argv.indexOf("--ports") + 1] ?? "");
const emulatorPort = pinned ? Number(pinned[1]) : await freePort();
const portalPort = pinned ? Number(pinned[2]) : await freePort();
const emulatorUrl = `http://localhost:${emulatorPort}`;
const base = `http://localhost:${portalPort}`;
// The emulator's Connected App must allow this run's portal origin.
const emulator = startEmulatorAllowing(emulatorPort, [base]);

const env = { ...demoEnv(emulatorUrl), VIZPORT_EMBED_LIBRARY: "server" };
if (buildIfStale(env)) console.log("screenshots: portal built");
const portal = start(
  "portal",
  "npx",
  ["next", "start", "--hostname", "localhost", "--port", String(portalPort)],
  env,
  "ignore",
);
const browser = await chromium.launch({
  ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
  args: ["--no-sandbox", "--disable-gpu"],
});

async function as(email: string | null, height: number): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height } });
  if (email) {
    const cookie = await portalSessionCookie(base, email);
    await context.addCookies([
      { ...cookie, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" },
    ]);
  }
  return context;
}

/** Tabs to `target` (a keyboard focus, so the ring shows) and takes it with a margin around its ring. */
async function focusShot(page: Page, target: Locator, name: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  const box = await target.boundingBox();
  if (!box) throw new Error(`${name} is not on screen`);
  const margin = 16;
  const clip = {
    x: box.x - margin,
    y: box.y - margin,
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  };
  await page.screenshot({ path: `${OUT}/${name}.png`, clip });
}

try {
  await waitForUrl(`${emulatorUrl}/__emulator/health`, 60_000, emulator.child);
  await waitForUrl(`${base}/api/health`, 90_000, portal.child);

  const anonymous = await (await as(null, 800)).newPage();
  await anonymous.goto(`${base}/login`);
  await anonymous.screenshot({ path: `${OUT}/login.png` });

  const alice = await (await as("alice@example.com", 800)).newPage();
  await alice.goto(`${base}/`);
  await alice.locator("img[src^='/api/thumbnails/']").first().waitFor();
  await alice.waitForLoadState("networkidle");
  await alice.screenshot({ path: `${OUT}/catalog.png`, fullPage: true });
  await focusShot(alice, alice.getByTestId("catalog-view").first(), "focus-tile");
  await alice.goto(`${base}/admin/workbooks`);
  await alice.getByTestId("workbook-row").first().waitFor();
  await alice.screenshot({ path: `${OUT}/admin-workbooks.png`, fullPage: true });

  const carol = await (await as("carol@example.com", 900)).newPage();
  await carol.goto(`${base}/views/Superstore/SalesbyRegion`);
  await carol.locator("[data-phase=interactive]").waitFor({ timeout: 30_000 });
  await carol.screenshot({ path: `${OUT}/view.png` });
  const exportButton = carol.getByRole("toolbar", { name: "Dashboard controls" }).getByRole("button", {
    name: "Export",
    exact: true,
  });
  await focusShot(carol, exportButton, "focus-toolbar-button");
  // The Export panel opened by keyboard, then the viz's data as a table.
  await carol.keyboard.press("Enter");
  await carol.getByTestId("export-menu").getByRole("button", { name: "Crosstab (CSV)" }).waitFor();
  await carol.screenshot({ path: `${OUT}/view-export.png` });
  await carol.keyboard.press("Escape");
  await carol.getByRole("button", { name: "View data as table" }).click();
  await carol.getByRole("table", { name: "Sales by Region" }).waitFor();
  await carol.screenshot({ path: `${OUT}/view-data-table.png` });

  // The personal side: Carol stars two views, and her home page shows them in its Favorites row.
  await carol.goto(`${base}/`);
  for (const name of ["Sales by Region", "Region Profit"]) {
    const star = carol.getByTestId("catalog").getByRole("button", { name: `Favorite ${name}` });
    await star.click();
    await carol
      .getByTestId("favorites-row")
      .getByRole("link", { name: new RegExp(name) })
      .waitFor();
  }
  await carol.waitForLoadState("networkidle");
  // Back to the top: scrolled, the sticky header would be drawn across the middle of a full-page shot.
  await carol.evaluate(() => window.scrollTo(0, 0));
  await carol.screenshot({ path: `${OUT}/home-favorites.png`, fullPage: true });

  // Saved views: Carol saves "East, 2024" on a dashboard, the list open beside the viz, then her home page's row.
  await carol.goto(`${base}/views/Superstore/Overview`);
  await carol.locator("[data-phase=interactive]").waitFor({ timeout: 30_000 });
  await carol.getByLabel("Top N", { exact: true }).fill("5");
  await carol.getByLabel("Top N", { exact: true }).press("Enter");
  await carol.getByRole("button", { name: "Save view…" }).click();
  await carol.getByLabel("Name of the saved view").fill("East, 2024");
  await carol.getByLabel("Name of the saved view").press("Enter");
  await carol.getByRole("button", { name: "My saved views (1)" }).click();
  await carol.getByRole("button", { name: "Make default “East, 2024”" }).click();
  await carol.getByText("Your default").waitFor();
  await carol.screenshot({ path: `${OUT}/saved-views.png` });
  await carol.goto(`${base}/`);
  await carol.locator("img[src^='/api/saved-view-thumbnails/']").first().waitFor();
  await carol.waitForLoadState("networkidle");
  await carol.getByTestId("saved-views-row").screenshot({ path: `${OUT}/home-saved-views.png` });

  // A view's own controls: its filter chips and its parameter, and the admin's choice of which show.
  const admin = await (await as("alice@example.com", 900)).newPage();
  await admin.goto(`${base}/views/Superstore/SalesbyRegion?Top%20N=3&Category=Technology`);
  await admin.locator("[data-phase=interactive]").waitFor({ timeout: 30_000 });
  await admin.getByLabel("Top N", { exact: true }).waitFor();
  await admin.getByRole("button", { name: "Choose controls" }).click();
  await admin.screenshot({ path: `${OUT}/view-controls.png` });
  console.log(
    `screenshots: login, catalog, admin-workbooks, view, two focus rings, view-export, view-data-table, home-favorites, saved-views, home-saved-views, view-controls in ${OUT}/`,
  );
} finally {
  await browser.close();
  portal.stop();
  emulator.stop();
}
