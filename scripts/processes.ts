/**
 * Child-process helpers shared by the demo launcher and the benchmarks: start a command in its own process
 * group (so stopping it stops its children too), wait for an URL, find a free port, build when stale.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export interface Started {
  name: string;
  child: ChildProcess;
  stop: () => void;
}

export function start(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  output: "inherit" | "ignore" | number = "inherit",
): Started {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", output, output],
    detached: true,
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
  };
  return { name, child, stop };
}

/** Stops `started` and resolves once it has exited (so its port is free again). */
export function stopAndWait(started: Started, timeoutMs = 10_000): Promise<void> {
  const { child } = started;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    started.stop();
  });
}

export async function waitForUrl(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process exited (code ${child.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "localhost", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "auth.ts",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "tsconfig.json",
  "package.json",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), 0);
}

/** Runs `next build` unless .next holds a build newer than every source file. Returns whether it built. */
export function buildIfStale(env: Record<string, string>): boolean {
  const buildId = join(".next", "BUILD_ID");
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map(newestMtime))) return false;
  const result = spawnSync("npx", ["next", "build"], { env: { ...process.env, ...env }, stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
  return true;
}
