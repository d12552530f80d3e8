/**
 * Two portal instances of one standalone build behind nginx, sharing Redis (limits, revocations, REST sessions,
 * caches) and PostgreSQL (DATABASE_URL: the accounts, migrated and seeded with the demo accounts by the first
 * instance up), with the Tableau emulator: `npm run cluster`,
 * the cluster specs (e2e/cluster*) and `npm run bench cluster` all start it through here, on ports of their own.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPostgres, type RunningPostgres } from "../../test/services/postgres";
import { startRedis, type TestRedis } from "../../test/services/redis-server";
import { demoEnv } from "../demo-env";
import { startEmulatorAllowing } from "../emulator-process";
import { stopAndWait, waitForUrl, type Started } from "../processes";
import { startNginx } from "./nginx";
import { prepareStandalone, startInstance } from "./standalone";

export interface ClusterPorts {
  proxy: number;
  instances: [number, number];
  redis: number;
  emulator: number;
}

export interface ClusterOptions {
  ports: ClusterPorts;
  /** Extra portal settings, the same on both instances. */
  env?: Record<string, string>;
  /** Write each process's output to `<logDir>/cluster-<name>.log` instead of this terminal. */
  logDir?: string;
  /** Fail without PostgreSQL (the specs), rather than fall back to one SQLite file for both instances. */
  requirePostgres?: boolean;
  /** Use this Tableau (e.g. a large generated site) instead of starting the demo emulator. */
  tableauServer?: string;
}

export interface Cluster {
  url: string;
  instanceUrls: [string, string];
  redis: TestRedis;
  postgres: RunningPostgres | null;
  tableauServer: string;
  /** The instance's process id, for measuring it (undefined while stopped). */
  instancePid(index: 0 | 1): number | undefined;
  /** Stops an instance: `graceful` (SIGTERM, as a deploy would) or `kill` (SIGKILL, as a crash would). */
  stopInstance(index: 0 | 1, how?: "graceful" | "kill"): Promise<void>;
  startInstance(index: 0 | 1): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { ports } = options;
  const server = prepareStandalone();
  const dir = mkdtempSync(join(tmpdir(), "vizport-cluster-"));
  // A restarted instance appends to its log: the secret scan must see the first run's output as well.
  const opened = new Set<string>();
  const output = (name: string): "inherit" | number => {
    if (!options.logDir) return "inherit";
    mkdirSync(options.logDir, { recursive: true });
    const flags = opened.has(name) ? "a" : "w";
    opened.add(name);
    return openSync(join(options.logDir, `cluster-${name}.log`), flags);
  };
  const running: Started[] = [];
  const services: Array<() => Promise<void> | void> = [];
  // The processes run detached (their own process groups): if this process ends without stop() (a thrown
  // error, process.exit), they would outlive it holding their ports. Its exit handler can only act at once.
  const atExit: Array<() => void> = [];
  const onExit = () => {
    for (const p of running) p.stop();
    for (const kill of atExit) kill();
  };
  process.once("exit", onExit);
  const stopAll = async () => {
    process.off("exit", onExit);
    await Promise.all(running.splice(0).map((p) => stopAndWait(p)));
    for (const stop of services.splice(0).reverse()) await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const redis = await startRedis(ports.redis);
    services.push(() => redis.stop());
    atExit.push(() => redis.kill());
    // Optional for `npm run cluster`: without Debian's postgresql-15 the instances share one SQLite file.
    const postgres = await startPostgres().catch((error: unknown) => {
      if (options.requirePostgres) throw error;
      return null;
    });
    if (postgres) {
      services.push(() => postgres.stop());
      atExit.push(() => postgres.stop());
    }
    let tableauServer = options.tableauServer;
    if (!tableauServer) {
      const origins = [ports.proxy, ...ports.instances].map((p) => `http://localhost:${p}`);
      const emulator = startEmulatorAllowing(ports.emulator, origins);
      services.push(() => stopAndWait(emulator));
      atExit.push(() => emulator.stop());
      await waitForUrl(`${emulator.url}/__emulator/health`, 60_000, emulator.child);
      tableauServer = emulator.url;
    }
    // One secret for both instances: a cookie from one must open a session on the other.
    const env: Record<string, string> = {
      ...demoEnv(tableauServer),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      // Without PostgreSQL, one SQLite file for both (the standalone server runs in its own folder: absolute).
      VIZPORT_DATABASE_FILE: join(dir, "vizport.db"),
      VIZPORT_TRUSTED_PROXY_HOPS: "1",
      REDIS_URL: redis.url,
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      ...options.env,
    };
    const instances: Array<Started | undefined> = [undefined, undefined];
    const urls = ports.instances.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    const launch = async (index: 0 | 1) => {
      const name = `portal-${index + 1}`;
      const instance = startInstance(server, name, ports.instances[index], env, output(name));
      instances[index] = instance;
      running.push(instance);
      await waitForUrl(`${urls[index]}/api/health`, 90_000, instance.child);
    };
    await Promise.all([launch(0), launch(1)]);
    const nginx = startNginx(dir, ports.proxy, ports.instances);
    running.push(nginx);
    const url = `http://localhost:${ports.proxy}`;
    await waitForUrl(`${url}/api/health`, 10_000, nginx.child);
    return {
      url,
      instanceUrls: urls,
      redis,
      postgres,
      tableauServer,
      instancePid: (index) => instances[index]?.child.pid,
      stopInstance: async (index, how = "graceful") => {
        const instance = instances[index];
        if (!instance) return;
        instances[index] = undefined;
        running.splice(running.indexOf(instance), 1);
        if (how === "kill" && instance.child.pid) {
          const exited = new Promise((resolve) => instance.child.once("exit", resolve));
          process.kill(-instance.child.pid, "SIGKILL");
          await exited;
        } else await stopAndWait(instance);
      },
      startInstance: (index) => (instances[index] ? Promise.resolve() : launch(index)),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
