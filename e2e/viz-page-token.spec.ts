/**
 * The embed token a view page's server render puts in its HTML, so that the viz starts before hydration: one per
 * page, for the signed-in user's own mapping, in a private no-store page that is never compressed, spent by that
 * page's viz exactly once and written to no log; a remount of the viz asks the token route for a fresh one. Also:
 * the benchmark's peer page is not served by a portal that was not started for the benchmark.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { decodeJwt } from "jose";
import { hashJti } from "../lib/tableau/jwt";
import { LOG_DIR } from "../scripts/e2e/log-scan";
import { EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";
import { PORTAL_LOG } from "./portal-log";
import { VizPage } from "./viz-page";

const VIEW = "/views/Superstore/SalesbyRegion";
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{8,}/g;

test.use({ baseURL: PORTAL_URLS.server });

type Signin = { kind: string; outcome: string; jti?: string };

function auditLines(): Record<string, unknown>[] {
  return readFileSync(PORTAL_LOG, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The emulator's record of the embed sign-ins made with this jti. */
async function signinsWith(request: APIRequestContext, jti: string): Promise<Signin[]> {
  const answer = await request.get(`${EMULATOR_URL}/__emulator/signins`);
  const { signins } = (await answer.json()) as { signins: Signin[] };
  return signins.filter((signin) => signin.jti === jti);
}

/** Presents an embed token to the emulator's sign-in again, as the portal's page would. */
async function signInAgain(request: APIRequestContext, token: string) {
  const answer = await request.post(`${EMULATOR_URL}/vizportal/api/web/v1/auth/embed/signin`, {
    headers: { origin: PORTAL_URLS.server },
    data: { siteName: "vizport-demo", jwt: token },
  });
  return { status: answer.status(), body: (await answer.json()) as unknown };
}

/** The page's requests to the token route, from now on. */
function tokenRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/tableau/token")) seen.push(request.method());
  });
  return seen;
}

test("a direct load's HTML holds one embed token, which its viz spends once; a remount mints afresh", async ({
  page,
  signIn,
  request,
}) => {
  await signIn(page, "carol");
  const minted = tokenRequests(page);
  const viz = new VizPage(page);
  const response = await page.goto(VIEW);
  expect(response?.status()).toBe(200);
  // A credential in a page: private, never stored, never compressed (its size would tell about it).
  const headers = response?.headers() ?? {};
  expect(headers["cache-control"]).toMatch(/\bprivate\b/);
  expect(headers["cache-control"]).toMatch(/\bno-store\b/);
  expect(headers["content-encoding"]).toBeUndefined();

  const html = (await response?.text()) ?? "";
  const inHtml = [...new Set(html.match(JWT) ?? [])];
  expect(inHtml).toHaveLength(1);
  const token = inHtml[0] ?? "";
  // Bound to carol exactly as the token route's tokens are (e2e/token-route.spec.ts).
  const claims = decodeJwt(token);
  expect(claims).toMatchObject({ sub: "carol@example.com", aud: "tableau", scp: ["tableau:views:embed"] });
  expect(claims.Region).toBe("East");
  expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(305);

  await viz.expectInteractive("Sales by Region");
  await expect(page.locator("tableau-viz")).toHaveAttribute("token", token);
  expect(minted).toEqual([]);
  const jti = String(claims.jti);
  expect(await signinsWith(request, jti)).toEqual([
    expect.objectContaining({ kind: "embed", outcome: "ok" }),
  ]);

  await viz.control("Reload").click();
  await viz.expectInteractive("Sales by Region");
  expect(minted).toEqual(["POST"]);
  const fresh = (await page.locator("tableau-viz").getAttribute("token")) ?? "";
  expect(fresh).not.toBe(token);
  expect(decodeJwt(fresh).jti).not.toBe(jti);
  expect(await signinsWith(request, jti)).toHaveLength(1);
  // Spent: Tableau refuses the page's token a second time (the emulator's code for a used jti).
  expect(await signInAgain(request, token)).toEqual({
    status: 401,
    body: { result: { errors: [expect.objectContaining({ code: 10091 })] } },
  });
  expect(await signinsWith(request, jti)).toEqual([
    expect.objectContaining({ outcome: "ok" }),
    expect.objectContaining({ outcome: "rejected" }),
  ]);

  // The mint left its audit line, with a hash of the jti; the token itself is in no server's log.
  await expect
    .poll(() => auditLines().find((line) => line.jtiHash === hashJti(jti)))
    .toMatchObject({
      event: "token.mint",
      user: "carol@example.com",
      tableauUser: "carol@example.com",
      via: "page",
    });
  const logs = readdirSync(LOG_DIR);
  expect(logs).toEqual(expect.arrayContaining(["portal-server.log", "emulator.log"]));
  for (const name of logs) {
    expect(readFileSync(join(LOG_DIR, name), "utf8").includes(token), name).toBe(false);
  }
});

test("a viz in the server HTML loads before hydration, and the page picks up where it is", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  // Hold back every script of the page until the viz has shown the view.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await held;
    await route.continue();
  });
  const viz = new VizPage(page);
  await page.goto(`${VIEW}?Region=East`, { waitUntil: "commit" });
  await viz.expectViewShown("Sales by Region");
  await expect(viz.root).toHaveAttribute("data-phase", "loading");
  release();
  // The firstinteractive it raised before React listened is not lost: the controls come alive.
  await viz.expectInteractive("Sales by Region");
  await expect(viz.control("Export")).not.toHaveAttribute("aria-disabled", "true");
  await expect(viz.regionButton("East")).toHaveAttribute("aria-pressed", "true");
  await viz.expectRegions(["East"]);
});

/**
 * Records on the page's own clock when its viz first became interactive and when Next.js's runtime started:
 * the runtime takes over `self.__next_f.push` as it starts (next/dist/client/app-index.js).
 */
type Watch = { interactive?: number; runtime?: number };

async function watchStart(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __watch: Watch; __next_f?: unknown[] };
    const watch: Watch = (w.__watch = {});
    document.addEventListener("firstinteractive", () => (watch.interactive ??= performance.now()), true);
    const list: unknown[] = [];
    let taken: unknown;
    Object.defineProperty(list, "push", {
      configurable: true,
      get: () => taken ?? Array.prototype.push,
      set: (fn: unknown) => {
        watch.runtime ??= performance.now();
        taken = fn;
      },
    });
    w.__next_f = list;
  });
  return () => page.evaluate(() => (window as unknown as { __watch: Watch }).__watch);
}

test("a direct load starts the page's own JavaScript only once its viz is interactive", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const started = await watchStart(page);
  const viz = new VizPage(page);
  await page.goto(VIEW, { waitUntil: "commit" });
  await viz.expectInteractive("Sales by Region");
  const { interactive, runtime } = await started();
  expect(interactive).toBeGreaterThan(0);
  expect(runtime).toBeGreaterThanOrEqual(interactive!);
});

test("a visitor who reaches for the page before the viz has loaded starts it at once", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const started = await watchStart(page);
  // The viz's own page never answers: the viz stays loading.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/t/vizport-demo/views/Superstore/SalesbyRegion",
    async (route) => {
      await held;
      await route.abort();
    },
  );
  try {
    await page.goto(VIEW, { waitUntil: "domcontentloaded" });
    await expect(page.locator("tableau-viz iframe")).toHaveCount(1);
    await page.waitForTimeout(500);
    expect((await started()).runtime).toBeUndefined();
    await page.keyboard.press("Tab");
    await expect.poll(async () => (await started()).runtime, { timeout: 2_000 }).toBeGreaterThan(0);
    expect((await started()).interactive).toBeUndefined();
  } finally {
    release();
  }
});

test("a view opened from the catalog uses the token of its page data; back and forward never reuse it", async ({
  page,
  signIn,
  request,
}) => {
  await signIn(page, "carol");
  await page.goto("/");
  const minted = tokenRequests(page);
  await page.locator(`a[href="${VIEW}"]`).first().click();
  const viz = new VizPage(page);
  await viz.expectInteractive("Sales by Region");
  const first = (await page.locator("tableau-viz").getAttribute("token")) ?? "";
  expect(minted).toEqual([]);
  await expect(page.locator("script[data-vizport-embedding-api]")).toHaveCount(1);

  await page.getByRole("link", { name: "Dashboards" }).first().click();
  await expect(page).toHaveURL(/\/$/);
  await page.goBack();
  await viz.expectInteractive("Sales by Region");
  const again = (await page.locator("tableau-viz").getAttribute("token")) ?? "";
  expect(again).not.toBe(first);
  expect(await signinsWith(request, String(decodeJwt(first).jti))).toHaveLength(1);
});

test("loading the catalog mints no token (its links' prefetches leave the view page alone)", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const id = `prefetch-${Date.now()}`;
  await page.route(`${PORTAL_URLS.server}/**`, (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-request-id": id } }),
  );
  const prefetches: string[] = [];
  page.on("request", (sent) => {
    if (new URL(sent.url()).pathname === VIEW && sent.headers()["next-router-prefetch"])
      prefetches.push(sent.url());
  });
  await page.goto("/");
  await expect(page.locator(`a[href="${VIEW}"]`).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.locator(`a[href="${VIEW}"]`).first().hover();
  // The router did prefetch the view page (else this would prove nothing), and no mint came of it.
  await expect.poll(() => prefetches.length).toBeGreaterThan(0);
  await page.waitForTimeout(1000);
  expect(auditLines().filter((line) => line.requestId === id && line.event === "token.mint")).toEqual([]);
});

test("the benchmark's peer page is not served unless the portal was started for the benchmark", async ({
  page,
  signIn,
}) => {
  await signIn(page, "carol");
  const answer = await page.request.get("/bench/peer/Superstore/SalesbyRegion");
  expect(answer.status()).toBe(404);
  expect(await answer.text()).not.toMatch(JWT);
});
