/**
 * A browser test's world: the emulator, a plain host page server on another localhost port (allowed by the
 * Connected App) and headless Chromium (the system's when present, else Playwright's own).
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "@playwright/test";
import { loadSiteFile } from "../core/load-site";
import { startEmulator, type RunningEmulator } from "../server";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export interface BrowserHarness {
  emu: RunningEmulator;
  browser: Browser;
  /** Serves `html` at `path` on the host and returns its URL. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

export async function startBrowserHarness(): Promise<BrowserHarness> {
  const pages = new Map<string, string>();
  const host: Server = createServer((req, res) => {
    const body = pages.get(req.url ?? "");
    res.writeHead(body ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    res.end(body ?? "");
  });
  await new Promise<void>((resolve) => host.listen(0, "localhost", resolve));
  const hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
  const data = loadSiteFile();
  data.connectedApps[0]!.domainAllowlist.push(hostUrl);
  const emu = await startEmulator({ port: 0, quiet: true, data });
  const browser = await chromium.launch({
    executablePath: existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined,
  });
  return {
    emu,
    browser,
    page(path, html) {
      pages.set(path, html);
      return `${hostUrl}${path}`;
    },
    async close() {
      await browser.close();
      await emu.close();
      await new Promise((resolve) => host.close(resolve));
    },
  };
}

/** Waits for the page's `window.events` (collected by the host page) to hold an event of `type`. */
export async function waitForEvent(page: Page, type: string): Promise<void> {
  await page.waitForFunction(
    (t) => ((window as unknown as { events: { type: string }[] }).events ?? []).some((e) => e.type === t),
    type,
  );
}
