/**
 * End-to-end: the emulator and three portals (one build, three `next start`s) are started here, then the
 * specs in e2e/ drive headless Chromium against them. Ports (e2e/ports.ts; VIZPORT_E2E_PORT_OFFSET shifts them):
 *   8910 emulator · 3100 portal (Embedding API from the server) · 3101 (bundled npm library)
 *   3102 (wrong Connected App secret value, for the error path)
 * VIZPORT_E2E_SKIP_BUILD=1 reuses an existing .next build while iterating locally.
 */
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_PORTS } from "./e2e/ports";
import { E2E_AUTH_SECRET, WRONG_SECRET_VALUE } from "./e2e/servers";
import { demoEnv } from "./scripts/demo-env";
import { LOG_DIR } from "./scripts/e2e/log-scan";

const CI = Boolean(process.env.CI);
const EMULATOR = `http://localhost:${E2E_PORTS.emulator}`;
const PORTAL_ORIGINS = [E2E_PORTS.server, E2E_PORTS.bundled, E2E_PORTS.wrongSecret]
  .map((port) => `--allow-origin http://localhost:${port}`)
  .join(" ");
const SYSTEM_CHROMIUM = "/usr/bin/chromium";

// The demo's Connected App, with a fixed session secret: cookies ignore ports, so every e2e portal on localhost
// must be able to read the others' session cookies.
const portalEnv = { ...demoEnv(EMULATOR), AUTH_SECRET: E2E_AUTH_SECRET };

// Every e2e sign-in comes from one address (localhost), about 50 per run: far past the real per-address limit
// (20 per 15 minutes). e2e/hostile-client.spec.ts checks that limit on a portal of its own, each probe from an
// address of its own; the wrong-secret portal keeps the other defaults for e2e/rate-limits.spec.ts.
const ONE_ADDRESS = { VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" };

const build = process.env.VIZPORT_E2E_SKIP_BUILD ? "" : "npm run build && ";

// Every server's output (stdout and stderr) goes to .e2e-logs/, which e2e/global-teardown.ts scans for secrets
// once the run is over; e2e/audit-log.spec.ts reads the 3100 portal's (e2e/portal-log.ts). When a server fails
// to start, its log says why.
const logTo = (name: string) => ` > ${LOG_DIR}/${name}.log 2>&1`;
const DATA_DIR = ".e2e-data";

// Each portal has a database of its own, made afresh for the run (demo mode seeds the demo accounts into it).
const database = (name: string) => `${DATA_DIR}/portal-${name}.db`;

function portal(name: string, port: number, env: Record<string, string>, prefix = "") {
  return {
    command: `${prefix}mkdir -p ${DATA_DIR} && rm -f ${database(name)}* && npx next start --hostname localhost --port ${port}${logTo(`portal-${name}`)}`,
    url: `http://localhost:${port}/api/health`,
    env: { ...portalEnv, VIZPORT_DATABASE_FILE: database(name), ...env },
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
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: `http://localhost:${E2E_PORTS.server}`,
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
      // The demo site's allowlist names the unshifted ports only: the portals' shifted origins are added.
      command: `mkdir -p ${LOG_DIR} && npx tsx emulator/cli.ts --port ${E2E_PORTS.emulator} ${PORTAL_ORIGINS} --quiet${logTo("emulator")}`,
      url: `${EMULATOR}/__emulator/health`,
      reuseExistingServer: !CI,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    portal(
      "server",
      E2E_PORTS.server,
      { VIZPORT_EMBED_LIBRARY: "server", ...ONE_ADDRESS },
      `mkdir -p ${LOG_DIR} && ${build}`,
    ),
    portal("bundled", E2E_PORTS.bundled, { VIZPORT_EMBED_LIBRARY: "bundled", ...ONE_ADDRESS }),
    portal("wrong-secret", E2E_PORTS.wrongSecret, {
      VIZPORT_EMBED_LIBRARY: "server",
      ...ONE_ADDRESS,
      TABLEAU_CA_SECRET_VALUE: WRONG_SECRET_VALUE,
    }),
  ],
});
