/**
 * A real redis-server for tests: started on a free loopback port in a temporary directory (no persistence),
 * stopped and removed by `stop()`. `pause()`/`resume()` stop and restart the same server on the same port, as
 * an outage would, so a test can watch the portal's stores fail over and recover.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findBinary } from "./binaries";

export interface TestRedis {
  url: string;
  port: number;
  /** The running server's process id (undefined while paused). */
  readonly pid: number | undefined;
  /** Stops the server (as a crash would); `resume()` starts it again, empty, on the same port. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
  /** Kills the server at once, for a process's exit handler (which cannot wait). */
  kill(): void;
}

export async function startRedis(port?: number): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), "vizport-redis-"));
  const chosen = port ?? (await freeLoopbackPort());
  let child: ChildProcess | undefined = await launch(chosen, dir);
  const halt = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  };
  return {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    get pid() {
      return child?.pid;
    },
    pause: halt,
    resume: async () => {
      if (!child) child = await launch(chosen, dir);
    },
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
    kill: () => {
      child?.kill("SIGKILL");
      child = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "no",
  ];
  const child = spawn(findBinary("redis-server"), args, { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode} (port ${port})`);
    if (await answersPing(port)) return child;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not answer on port ${port} within 10 s`);
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.setTimeout(500);
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
