/**
 * A private emulator and a private portal (`next start` on the e2e build) for the reliability spec: faults,
 * expired sessions and a moved clock there cannot disturb the specs running in parallel against 8910. The
 * emulator runs in this worker; its Connected App allows the private portal's origin, so views embed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSiteFile } from "../emulator/core/load-site";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { demoEnv } from "../scripts/demo-env";
import { LOG_DIR } from "../scripts/e2e/log-scan";
import { freePort, waitForUrl } from "../scripts/processes";
import { E2E_AUTH_SECRET } from "./servers";
import { expect, test as base } from "./fixtures";

export interface ReliabilityPortal {
  url: string;
  emulator: RunningEmulator;
  /** A call to the private emulator's control API (`faults`, `clock`, `sessions/expire`, `reset`). */
  control(method: "POST" | "DELETE", path: string, body?: unknown): Promise<void>;
  /** Everything the portal process wrote so far (its JSON log lines and any error output). */
  log(): string;
}

/** What Next.js prints for an error no code handled: a `⨯` line, or a stack trace. */
const UNHANDLED = /⨯|\n\s+at \S+ \(|unhandledRejection|uncaughtException/;

export const test = base.extend<{ cleanPortalLog: void }, { reliabilityPortal: ReliabilityPortal }>({
  reliabilityPortal: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
    async ({}, provide) => {
      const port = await freePort();
      const url = `http://localhost:${port}`;
      const site = loadSiteFile();
      for (const app of site.connectedApps) app.domainAllowlist.push(url);
      const emulator = await startEmulator({ port: 0, quiet: true, data: site });
      const output: string[] = [];
      const portal = startPortal(port, emulator.url, output);
      try {
        await waitForUrl(`${url}/api/health`, 60_000, portal);
        await provide({
          url,
          emulator,
          control: (m, p, b) => control(emulator.url, m, p, b),
          log: () => output.join(""),
        });
      } finally {
        // Its own process group: `next start` may have children of its own.
        if (portal.pid && portal.exitCode === null) process.kill(-portal.pid, "SIGTERM");
        await emulator.close();
        // For the whole-run log scan (e2e/global-teardown.ts).
        mkdirSync(LOG_DIR, { recursive: true });
        writeFileSync(`${LOG_DIR}/reliability-portal-${port}.log`, output.join(""));
      }
    },
    { scope: "worker", timeout: 90_000 },
  ],
  baseURL: async ({ reliabilityPortal }, provide) => provide(reliabilityPortal.url),
  // Every failure a case causes must be handled by the portal's code, so the process log stays free of them.
  cleanPortalLog: [
    async ({ reliabilityPortal }, provide) => {
      const from = reliabilityPortal.log().length;
      await provide();
      expect(reliabilityPortal.log().slice(from)).not.toMatch(UNHANDLED);
    },
    { auto: true },
  ],
});
export { expect };

function startPortal(port: number, tableauServer: string, output: string[]): ChildProcess {
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "localhost", "--port", String(port)],
    {
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...demoEnv(tableauServer),
        // A database of its own, made on first start and seeded with the demo accounts (demo mode).
        VIZPORT_DATABASE_FILE: `${mkdtempSync(join(tmpdir(), "vizport-e2e-"))}/vizport.db`,
        AUTH_SECRET: E2E_AUTH_SECRET,
        VIZPORT_EMBED_LIBRARY: "server",
        // Every sign-in here comes from localhost; the per-address limit is e2e/rate-limits.spec.ts's concern.
        VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000",
        // Every page load asks Tableau: these specs watch how each REST failure reaches the user, which a
        // cached catalog would hide (e2e/cluster.spec.ts and the unit tests cover the cache).
        VIZPORT_CATALOG_CACHE_SECONDS: "0",
      },
    },
  );
  const keep = (chunk: Buffer) => void output.push(chunk.toString("utf8"));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return child;
}

async function control(emulatorUrl: string, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${emulatorUrl}/__emulator/${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${await res.text()}`);
}
