/**
 * What every reliability case asserts on every surface: no 500 from the portal, no stack trace or generic
 * "something went wrong" page, and how long the portal took to work again once the fault ended.
 */
import { expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { signIn } from "./fixtures";
import { VizPage } from "./viz-page";

export const VIEW = "/views/Superstore/SalesbyRegion";
export const catalog = (page: Page) => page.getByTestId("catalog-count");
export const catalogError = (page: Page) => page.getByTestId("catalog-error");
export const workbookRows = (page: Page) => page.getByTestId("workbook-row");
export const workbooksError = (page: Page) => page.getByTestId("workbooks-error");

/** Text that only an unexplained server failure puts in a page. */
const STACK_TRACE =
  /\n\s+at \S+ \(|node_modules|webpack-internal|TypeError:|ReferenceError:|Internal Server Error/;

/** Records every portal answer with status 500 and every page answered with any 5xx. */
export function watchPortal(page: Page, portalUrl: string): { expectNo500(): void } {
  const bad: string[] = [];
  page.on("response", (res) => {
    if (!res.url().startsWith(portalUrl)) return;
    const isPage = res.request().resourceType() === "document";
    if (res.status() === 500 || (isPage && res.status() >= 500)) bad.push(`${res.status()} ${res.url()}`);
  });
  return { expectNo500: () => expect(bad, "portal answers with a 5xx page or a 500").toEqual([]) };
}

/** The page shows a specific message, not a stack trace nor the generic error boundary. */
export async function expectNoCrash(page: Page): Promise<void> {
  expect(await page.content()).not.toMatch(STACK_TRACE);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  await expect(page.getByText("The workbooks page failed to load")).toHaveCount(0);
  await expect(page.getByText("Application error")).toHaveCount(0);
}

/** `POST /api/tableau/token` needs no Tableau: under any fault it answers a token. */
export async function expectTokenRoute(request: APIRequestContext, portalUrl: string): Promise<void> {
  const res = await request.post("/api/tableau/token", { headers: { origin: portalUrl } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { token?: string };
  expect(body.token?.split(".")).toHaveLength(3);
}

interface Readiness {
  ok: boolean;
  checks: Record<"config" | "tableau" | "signin" | "clock", { ok: boolean; reason?: string }>;
}

/**
 * Polls `/api/ready` until it matches (its answer is cached for 10 s, so a fault shows up, and goes away, within
 * that); every answer on the way must be JSON with 200 or 503, never a 500.
 */
export async function expectReady(
  request: APIRequestContext,
  wanted: (r: Readiness, status: number) => boolean,
  timeout = 20_000,
): Promise<Readiness> {
  let last: Readiness | undefined;
  await expect(async () => {
    const res = await request.get("/api/ready");
    expect([200, 503]).toContain(res.status());
    last = (await res.json()) as Readiness;
    expect(last.ok).toBe(res.status() === 200);
    expect(wanted(last, res.status()), JSON.stringify(last)).toBe(true);
  }).toPass({ timeout, intervals: [500] });
  return last!;
}

/** Records a figure for the report (`npx playwright test --reporter=list` prints the console line). */
export function note(info: TestInfo, type: string, description: string): void {
  info.annotations.push({ type, description });
  console.log(`[reliability] ${info.title}: ${type}: ${description}`);
}

/** Milliseconds since `started`, for recovery times. */
export const since = (started: number) => `${Math.round(performance.now() - started)} ms`;

/** alice at work: the catalog, then the view page with its viz interactive. */
export async function aliceAtWork(page: Page): Promise<VizPage> {
  await signIn(page, "alice");
  await page.goto("/");
  await expect(catalog(page)).toHaveText("9 views.");
  const viz = new VizPage(page);
  await viz.open(VIEW);
  await viz.expectInteractive("Sales by Region");
  return viz;
}
