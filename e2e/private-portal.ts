/**
 * A portal of a spec's own: `next start` on the e2e build, on a free port, with the demo configuration plus the
 * spec's settings, its output in .e2e-logs/ for the whole-run log scan (e2e/global-teardown.ts). Private, so a
 * spec can use default limits, or count what reaches it, without other specs in the way.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { loadSiteFile } from "../emulator/core/load-site";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { demoEnv } from "../scripts/demo-env";
import { LOG_DIR } from "../scripts/e2e/log-scan";
import { E2E_AUTH_SECRET } from "./servers";

export interface PrivatePortal {
  url: string;
  port: number;
  /** The log file its stdout and stderr go to. */
  log: string;
  stop(): Promise<void>;
}

export async function startPrivatePortal(
  name: string,
  tableauServer: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<PrivatePortal> {
  port ??= await freePort();
  mkdirSync(LOG_DIR, { recursive: true });
  const log = `${LOG_DIR}/${name}-${port}.log`;
  const out = openSync(log, "w");
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "--hostname", "localhost", "--port", String(port)],
    {
      stdio: ["ignore", out, out],
      env: {
        ...process.env,
        ...demoEnv(tableauServer),
        AUTH_SECRET: E2E_AUTH_SECRET,
        // A database of its own, made on first start and seeded with the demo accounts (demo mode).
        VIZPORT_DATABASE_FILE: `${mkdtempSync(join(tmpdir(), `vizport-${name}-`))}/vizport.db`,
        ...env,
      },
    },
  );
  const url = `http://localhost:${port}`;
  await waitForHealth(`${url}/api/health`, child, name);
  return {
    url,
    port,
    log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * A private portal with a private emulator whose Connected App allows the portal's origin, so its vizzes load
 * (the shared emulator allows only the fixed e2e portals).
 */
export async function startPortalWithEmulator(
  name: string,
  env: Record<string, string> = {},
): Promise<PrivatePortal & { emulator: RunningEmulator }> {
  const port = await freePort();
  const site = loadSiteFile();
  for (const app of site.connectedApps) app.domainAllowlist.push(`http://localhost:${port}`);
  const emulator = await startEmulator({ port: 0, quiet: true, data: site });
  try {
    const portal = await startPrivatePortal(name, emulator.url, env, port);
    return {
      ...portal,
      emulator,
      stop: async () => {
        await portal.stop();
        await emulator.close();
      },
    };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}

async function waitForHealth(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the ${name} e2e portal exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the ${name} e2e portal did not answer ${url} within 60 s`);
}

export function freePort(): Promise<number> {
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
