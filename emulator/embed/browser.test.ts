/**
 * The emulator's own <tableau-viz> in a real browser: a plain HTML page on another localhost port loads the
 * script from the emulator, as the issue 4 benchmark and any static site do. Headless Chromium (the system's
 * when present, else Playwright's own).
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSiteFile } from "../core/load-site";
import { startEmulator, type RunningEmulator } from "../server";
import { mint } from "./test-helpers";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

let emu: RunningEmulator;
let host: Server;
let hostUrl: string;
let browser: Browser;
const pages = new Map<string, string>();
/** Paths served with a strict Content-Security-Policy naming the emulator, as the portal's pages are. */
const strictCsp = new Set<string>();

beforeAll(async () => {
  host = createServer((req, res) => {
    const body = pages.get(req.url ?? "");
    const csp = strictCsp.has(req.url ?? "")
      ? {
          "content-security-policy":
            `default-src 'self'; script-src 'self' 'unsafe-inline' ${emu.url}; connect-src ${emu.url}; ` +
            `frame-src ${emu.url}; style-src 'self'; img-src 'self' data:`,
        }
      : {};
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8", ...csp });
    res.end(body ?? "");
  });
  await new Promise<void>((resolve) => host.listen(0, "localhost", resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
  // The host page's port is picked now, so the Connected App's allowlist is given it.
  const data = loadSiteFile();
  data.connectedApps[0]!.domainAllowlist.push(hostUrl);
  emu = await startEmulator({ port: 0, quiet: true, data });
  browser = await chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await emu?.close();
  await new Promise((resolve) => host?.close(resolve));
});

function embedPage(path: string, view: string, token: string | null, inner = "", attrs = ""): string {
  pages.set(
    path,
    `<!doctype html><html><body>
<script type="module" src="${emu.url}/javascripts/api/tableau.embedding.3.latest.min.js"></script>
<tableau-viz id="viz" src="${emu.url}/t/vizport-demo/views/${view}" ${token ? `token="${token}"` : ""} ${attrs}>${inner}</tableau-viz>
<script>
  window.events = [];
  for (const type of ["firstvizsizeknown", "firstinteractive", "vizloaderror", "filterchanged", "tabswitched"]) {
    document.getElementById("viz").addEventListener(type, (e) =>
      window.events.push({ type, fieldName: e.detail?.fieldName, worksheet: e.detail?.worksheet?.name,
        errorCode: e.detail?.errorCode, message: e.detail?.message, newSheetName: e.detail?.newSheetName }));
  }
</script></body></html>`,
  );
  return `${hostUrl}${path}`;
}

interface SeenEvent {
  type: string;
  fieldName?: string;
  worksheet?: string;
  errorCode?: string;
  message?: string;
  newSheetName?: string;
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: SeenEvent[] }).events);
const waitFor = (page: Page, type: string) =>
  page.waitForFunction(
    (t) => (window as unknown as { events: SeenEvent[] }).events.some((e) => e.type === t),
    type,
  );

describe("<tableau-viz> from the emulator, in Chromium", () => {
  it("signs in, shows the user's rows, and filters, exports and switches tabs through the API", async () => {
    const token = await mint("carol@example.com", { claims: { Region: "East" } });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(
      embedPage(
        "/ok",
        "Superstore/Overview",
        token,
        '<viz-filter field="Category" value="Technology,Furniture"></viz-filter>',
      ),
    );
    await waitFor(page, "firstinteractive");
    expect((await events(page)).map((e) => e.type)).toEqual(["firstvizsizeknown", "firstinteractive"]);
    expect(await page.locator("tableau-viz").evaluate((el) => [el.clientWidth, el.clientHeight])).toEqual([
      800, 600,
    ]);

    const frame = page.frameLocator("tableau-viz iframe");
    await expect
      .poll(() => frame.locator("[data-testid=vz-caption]").innerText())
      .toContain("carol@example.com");
    const keys = () =>
      frame.locator(".mark").evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));
    expect(await keys()).toEqual(["East", "Furniture", "Technology"]);

    const result = await page.evaluate(async () => {
      type Ws = {
        name: string;
        sheetType: string;
        applyFilterAsync: (f: string, v: string[], u: string) => Promise<string>;
        getFiltersAsync: () => Promise<{ fieldName: string; appliedValues: { value: string }[] }[]>;
        clearFilterAsync: (f: string) => Promise<string>;
      };
      const viz = document.getElementById("viz") as unknown as {
        workbook: { activeSheet: { name: string; sheetType: string; worksheets: Ws[] } };
      };
      const sheet = viz.workbook.activeSheet;
      const ws = sheet.worksheets[0]!;
      const before = await ws.getFiltersAsync();
      const applied = await ws.applyFilterAsync("Category", ["Office Supplies"], "add");
      const after = await ws.getFiltersAsync();
      let invalid = "";
      await ws
        .applyFilterAsync("Region", ["East"], "sideways")
        .catch((e: { errorCode: string }) => (invalid = e.errorCode));
      return {
        name: sheet.name,
        sheetType: sheet.sheetType,
        worksheets: sheet.worksheets.map((w) => [w.name, w.sheetType]),
        before: before.map((f) => [f.fieldName, f.appliedValues.map((v) => v.value)]),
        applied,
        after: after.map((f) => [f.fieldName, f.appliedValues.map((v) => v.value)]),
        invalid,
      };
    });
    expect(result).toEqual({
      name: "Overview",
      sheetType: "dashboard",
      worksheets: [
        ["Sales by Region", "worksheet"],
        ["Profit by Category", "worksheet"],
      ],
      // Sales by Region's own quick filters: Region (keeping all) and Category.
      before: [
        ["Region", []],
        ["Category", ["Technology", "Furniture"]],
      ],
      applied: "Category",
      after: [
        ["Region", []],
        ["Category", ["Technology", "Furniture", "Office Supplies"]],
      ],
      invalid: "invalid-parameter",
    });
    await expect.poll(keys).toEqual(["East", "Furniture", "Office Supplies", "Technology"]);
    expect((await events(page)).at(-1)).toMatchObject({
      type: "filterchanged",
      fieldName: "Category",
      worksheet: "Sales by Region",
    });

    const download = page.waitForEvent("download");
    await page.evaluate(() =>
      (
        document.getElementById("viz") as unknown as { exportImageAsync: () => Promise<void> }
      ).exportImageAsync(),
    );
    const file = await download;
    expect(file.suggestedFilename()).toBe("Overview.png");
    const stream = await file.createReadStream();
    const first = (await stream.toArray())[0] as Buffer;
    expect(first.subarray(1, 4).toString("ascii")).toBe("PNG");

    await page.evaluate(() =>
      (
        document.getElementById("viz") as unknown as {
          workbook: { activateSheetAsync: (n: string) => Promise<unknown> };
        }
      ).workbook.activateSheetAsync("Monthly Trend"),
    );
    await waitFor(page, "tabswitched");
    expect((await events(page)).at(-1)).toMatchObject({ type: "tabswitched", newSheetName: "Monthly Trend" });
    await expect.poll(() => frame.locator("#vz-sheet-name").innerText()).toBe("Monthly Trend");
    await context.close();
  });

  it("raises vizloaderror with the Connected App code when the sign-in fails, and no iframe", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(embedPage("/erin", "Superstore/Overview", await mint("erin@example.com")));
    await waitFor(page, "vizloaderror");
    const [error] = await events(page);
    expect(error!.errorCode).toBe("auth-failed");
    const message = JSON.parse(error!.message!) as { statusCode: number; errorMessage: string };
    expect(message.statusCode).toBe(401);
    expect(JSON.parse(message.errorMessage)).toMatchObject({ result: { errors: [{ code: 5 }] } });
    expect(await page.locator("tableau-viz iframe").count()).toBe(0);
    await page.context().close();
  });

  it("rejects API calls before firstinteractive with a clear error", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(embedPage("/early", "Superstore/Overview", await mint("alice@example.com")));
    const early = await page.evaluate(async () => {
      await customElements.whenDefined("tableau-viz");
      const viz = document.getElementById("viz") as unknown as {
        refreshDataAsync: () => Promise<void>;
        exportImageAsync: () => Promise<void>;
        workbook: unknown;
      };
      const out: string[] = [];
      await viz.refreshDataAsync().catch((e: { errorCode: string; message: string }) => out.push(e.message));
      await viz.exportImageAsync().catch((e: { errorCode: string; message: string }) => out.push(e.message));
      return { out, workbook: viz.workbook === undefined };
    });
    expect(early.workbook).toBe(true);
    expect(early.out).toHaveLength(2);
    for (const message of early.out) expect(message).toMatch(/not interactive yet/);
    await page.context().close();
  });

  it("without a token loads the view page, which shows the sign-in notice and never becomes interactive", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(embedPage("/anon", "Superstore/Overview", null));
    const frame = page.frameLocator("tableau-viz iframe");
    await expect.poll(() => frame.locator("h1").innerText()).toBe("Sign in to Tableau");
    await page.waitForTimeout(300);
    expect(await events(page)).toEqual([]);
    await page.context().close();
  });

  it("reloads with a new sign-in when the token changes, and reuses its session when moved", async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(
      embedPage(
        "/swap",
        "Superstore/SalesbyRegion",
        await mint("carol@example.com", { claims: { Region: "East" } }),
      ),
    );
    await waitFor(page, "firstinteractive");
    const signins = () =>
      emu.ctx.state.signins.filter((s) => s.origin === hostUrl && s.outcome === "ok").length;
    const before = signins();
    const bobToken = await mint("bob@example.com", { claims: { Region: "West" } });
    await page.evaluate((t) => {
      (document.getElementById("viz") as unknown as { token: string }).token = t;
    }, bobToken);
    const frame = page.frameLocator("tableau-viz iframe");
    await expect
      .poll(() => frame.locator("[data-testid=vz-caption]").innerText())
      .toContain("bob@example.com");
    expect(
      await frame.locator(".mark").evaluateAll((els) => els.map((e) => e.getAttribute("data-key"))),
    ).toEqual(["West"]);
    expect(signins()).toBe(before + 1);
    await page.evaluate(() => {
      const viz = document.getElementById("viz")!;
      const box = document.createElement("div");
      document.body.append(box);
      box.append(viz);
    });
    await expect
      .poll(async () => (await events(page)).filter((e) => e.type === "firstinteractive").length)
      .toBe(3);
    expect((await events(page)).some((e) => e.type === "vizloaderror")).toBe(false);
    expect(signins()).toBe(before + 1);
    await page.context().close();
  });

  it("lays out and loads under a strict Content-Security-Policy (no inline styles)", async () => {
    strictCsp.add("/csp");
    const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(
      embedPage(
        "/csp",
        "Superstore/SalesbyRegion",
        await mint("alice@example.com"),
        "",
        'width="640" height="420"',
      ),
    );
    await waitFor(page, "firstinteractive");
    expect(await page.locator("tableau-viz").evaluate((el) => [el.clientWidth, el.clientHeight])).toEqual([
      640, 420,
    ]);
    expect(
      await page.locator("tableau-viz iframe").evaluate((el) => [el.clientWidth, el.clientHeight]),
    ).toEqual([640, 420]);
    const download = page.waitForEvent("download");
    await page.evaluate(() =>
      (
        document.getElementById("viz") as unknown as { exportImageAsync: () => Promise<void> }
      ).exportImageAsync(),
    );
    expect((await download).suggestedFilename()).toBe("Sales by Region.png");
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it("signs in through the iframe with iframe-auth", async () => {
    const page = await (await browser.newContext()).newPage();
    const token = await mint("bob@example.com", { claims: { Region: "West" } });
    await page.goto(
      embedPage(
        "/iframe-auth",
        "Superstore/SalesbyRegion",
        token,
        "",
        'iframe-auth hide-tabs toolbar="hidden"',
      ),
    );
    await waitFor(page, "firstinteractive");
    const frame = page.frameLocator("tableau-viz iframe");
    expect(
      await frame.locator(".mark").evaluateAll((els) => els.map((e) => e.getAttribute("data-key"))),
    ).toEqual(["West"]);
    expect(await frame.locator('[role="tablist"], [role="toolbar"]').count()).toBe(0);
    await page.context().close();
  });
});
