/**
 * A private emulator (with a site large enough to page) and a private portal (`next start` on the e2e build)
 * for the admin workbook specs. Private, so injecting faults here cannot break specs running in parallel
 * against the shared emulator on 8910, and so paging has more than the demo site's four workbooks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { test as base } from "./fixtures";
import { demoEnv } from "../scripts/demo-env";
import { LOG_DIR } from "../scripts/e2e/log-scan";
import { E2E_AUTH_SECRET } from "./servers";

export const ADMIN_SITE_WORKBOOKS = 130;

export interface AdminPortal {
  url: string;
  emulator: RunningEmulator;
  /** POST/DELETE on the private emulator's control API. */
  control(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void>;
}

export const test = base.extend<{ adminPortal: AdminPortal }, { adminPortalWorker: AdminPortal }>({
  adminPortalWorker: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
    async ({}, provide) => {
      const emulator = await startEmulator({ port: 0, quiet: true, workbooks: ADMIN_SITE_WORKBOOKS });
      const port = await freePort();
      const portal = startPortal(port, emulator.url);
      const url = `http://localhost:${port}`;
      try {
        await waitForHealth(`${url}/api/health`, portal);
        await provide({ url, emulator, control: (m, p, b) => control(emulator.url, m, p, b) });
      } finally {
        portal.kill("SIGTERM");
        await emulator.close();
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],
  // Automatic, so no test inherits a fault another one injected.
  adminPortal: [
    async ({ adminPortalWorker }, provide) => {
      await adminPortalWorker.control("DELETE", "faults");
      await provide(adminPortalWorker);
      await adminPortalWorker.control("DELETE", "faults");
    },
    { auto: true },
  ],
  baseURL: async ({ adminPortalWorker }, provide) => provide(adminPortalWorker.url),
});
export { expect } from "./fixtures";

function startPortal(port: number, tableauServer: string): ChildProcess {
  // Its output joins the other servers' for the whole-run log scan (e2e/global-teardown.ts).
  mkdirSync(LOG_DIR, { recursive: true });
  const log = openSync(`${LOG_DIR}/admin-portal-${port}.log`, "w");
  return spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "localhost", "--port", String(port)],
    {
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        ...demoEnv(tableauServer),
        // A database of its own, made on first start and seeded with the demo accounts (demo mode).
        VIZPORT_DATABASE_FILE: `${mkdtempSync(join(tmpdir(), "vizport-e2e-"))}/vizport.db`,
        AUTH_SECRET: E2E_AUTH_SECRET,
        VIZPORT_EMBED_LIBRARY: "server",
      },
    },
  );
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the admin e2e portal exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the admin e2e portal did not answer ${url} within 60 s`);
}

async function control(emulatorUrl: string, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${emulatorUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "localhost", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
