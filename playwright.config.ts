/**
 * End-to-end: the emulator and three portals (one build, three `next start`s) are started here, then the
 * specs in e2e/ drive headless Chromium against them. Ports are fixed by the shared brief:
 *   8910 emulator · 3100 portal (Embedding API from the server) · 3101 (bundled npm library)
 *   3102 (wrong Connected App secret value, for the error path)
 * VIZPORT_E2E_SKIP_BUILD=1 reuses an existing .next build while iterating locally.
 */
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { PORTAL_LOG } from "./e2e/portal-log";
import { demoEnv } from "./scripts/demo-env";

const CI = Boolean(process.env.CI);
const EMULATOR = "http://localhost:8910";
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// The demo's Connected App, with a fixed session secret: cookies ignore ports, so every e2e portal on localhost
// must be able to read the others' session cookies.
const portalEnv = { ...demoEnv(EMULATOR), AUTH_SECRET: "e2e-only-auth-secret-never-use-in-production-0123" };

// Every e2e sign-in comes from one address (localhost), about 50 per run: far past the real per-address limit
// (20 per 15 minutes). 3102 keeps the defaults, and e2e/rate-limits.spec.ts checks them there.
const ONE_ADDRESS = { VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" };

const build = process.env.VIZPORT_E2E_SKIP_BUILD ? "" : "npm run build && ";

function portal(port: number, env: Record<string, string>, prefix = "", logFile = "") {
  const log = logFile ? ` > ${logFile}` : "";
  return {
    command: `${prefix}npx next start --hostname localhost --port ${port}${log}`,
    url: `http://localhost:${port}/api/health`,
    env: { ...portalEnv, ...env },
    reuseExistingServer: !CI,
    // The first portal builds the app before starting.
    timeout: prefix ? 240_000 : 60_000,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL: "http://localhost:3100",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        ...(existsSync(SYSTEM_CHROMIUM)
          ? {
              launchOptions: {
                executablePath: SYSTEM_CHROMIUM,
                args: [
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                ],
              },
            }
          : {}),
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx emulator/cli.ts --port 8910 --quiet",
      url: `${EMULATOR}/__emulator/health`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    portal(
      3100,
      { VIZPORT_EMBED_LIBRARY: "server", ...ONE_ADDRESS },
      `mkdir -p .e2e-logs && ${build}`,
      PORTAL_LOG,
    ),
    portal(3101, { VIZPORT_EMBED_LIBRARY: "bundled", ...ONE_ADDRESS }),
    portal(3102, {
      VIZPORT_EMBED_LIBRARY: "server",
      TABLEAU_CA_SECRET_VALUE: "a-wrong-secret-value-for-the-error-path-0000",
    }),
  ],
});
