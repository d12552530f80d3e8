/**
 * Benchmark: the portal as a cluster (two standalone instances behind nginx, Redis), against a generated site of
 * about 1,000 views, in one run:
 *  1. Tableau REST sign-ins per principal when three users load the catalog and the admin list on both
 *     instances at once (goal: 1 each);
 *  2. the token route's throughput and p99 on one instance with Redis-backed limits against one with
 *     in-memory limits, 32 concurrent, rounds alternated (budget: Redis at most 15% below);
 *  3. the home page's server time (loopback, whole streamed answer) with the catalog cache cold and warm
 *     (budget: warm under 50 ms).
 * Exits non-zero when a budget is missed.
 *   npx tsx scripts/bench/cluster.ts [--requests 2000] [--workbooks 480] [--pages 15]
 */
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { startCluster } from "../cluster/cluster";
import { prepareStandalone, startInstance } from "../cluster/standalone";
import { demoEnv } from "../demo-env";
import { buildIfStale, freePort, start, stopAndWait, waitForUrl } from "../processes";
import { portalCookieHeader } from "./lib/portal-session";
import { formatLoad, mergeLoads, runLoad, type LoadResult } from "./lib/load";
import { flushCatalogCache, restSignIns, timePage } from "./lib/cluster-probes";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "2000" },
    workbooks: { type: "string", default: "480" },
    pages: { type: "string", default: "15" },
  },
});
const REQUESTS = Number(values.requests);
const PAGES = Number(values.pages);
const CONCURRENCY = 32;
const USERS = ["alice@example.com", "bob@example.com", "carol@example.com"];
const SETTINGS = { VIZPORT_TOKEN_REQUESTS_PER_MINUTE: "100000", VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" };

if (buildIfStale({ NEXT_TELEMETRY_DISABLED: "1" })) console.log("bench: portal built");
const ports = await Promise.all(Array.from({ length: 7 }, () => freePort()));
const [proxy, a, b, redisPort, pgPort, emulatorPort, memoryPort] = ports as number[] as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];
const emulator = start(
  "emulator",
  "npx",
  ["tsx", "emulator/cli.ts", "--port", String(emulatorPort), "--workbooks", values.workbooks, "--quiet"],
  {},
  "ignore",
);
const tableau = `http://localhost:${emulatorPort}`;
let failed = false;
try {
  await waitForUrl(`${tableau}/__emulator/health`, 60_000, emulator.child);
  const cluster = await startCluster({
    ports: { proxy, instances: [a, b], redis: redisPort, postgres: pgPort, emulator: emulatorPort },
    tableauServer: tableau,
    logDir: "bench-results",
    env: SETTINGS,
  });
  const memory = startInstance(
    prepareStandalone(),
    "portal-memory",
    memoryPort,
    { ...demoEnv(tableau), ...SETTINGS, VIZPORT_DIRECTORY_FILE: `${process.cwd()}/data/directory.json` },
    "ignore",
  );
  const redisBase = `http://localhost:${a}`;
  const memoryBase = `http://localhost:${memoryPort}`;
  try {
    await waitForUrl(`${memoryBase}/api/health`, 90_000, memory.child);
    console.log(
      `\nCluster benchmark: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} (1 min)`,
    );

    // 1. One REST sign-in per principal across both instances.
    await fetch(`${tableau}/__emulator/reset`, { method: "POST" });
    const bases = [`http://localhost:${a}`, `http://localhost:${b}`];
    const cookies = await Promise.all(USERS.map((user, i) => portalCookieHeader(bases[i % 2]!, user)));
    const paths = ["/", "/admin/workbooks", "/?q=sales"];
    await Promise.all(
      USERS.flatMap((_user, u) =>
        bases.flatMap((base) =>
          paths.map((path) =>
            fetch(`${base}${path}`, { headers: { Cookie: cookies[u]! } }).then((r) => r.arrayBuffer()),
          ),
        ),
      ),
    );
    const signIns = await restSignIns(tableau);
    const perUser = USERS.map((user) => `${user} ${signIns[user] ?? 0}`).join(", ");
    const oneEach = USERS.every((user) => signIns[user] === 1);
    console.log(
      `REST sign-ins per principal across both instances: ${perUser} — goal 1 each ${oneEach ? "PASS" : "FAIL"}`,
    );
    failed ||= !oneEach;

    // 2. Token route: Redis-backed limits against in-memory ones.
    const tokenOn = async (base: string) => {
      const cookie = await portalCookieHeader(base, "bob@example.com");
      return () => fetch(`${base}/api/tableau/token`, { method: "POST", headers: { Cookie: cookie } });
    };
    const withRedis = await tokenOn(redisBase);
    const inMemory = await tokenOn(memoryBase);
    await runLoad(300, CONCURRENCY, withRedis);
    await runLoad(300, CONCURRENCY, inMemory);
    const redisRounds: LoadResult[] = [];
    const memoryRounds: LoadResult[] = [];
    for (let round = 0; round < 4; round++) {
      memoryRounds.push(await runLoad(REQUESTS / 4, CONCURRENCY, inMemory));
      redisRounds.push(await runLoad(REQUESTS / 4, CONCURRENCY, withRedis));
    }
    const [redisLoad, memoryLoad] = [mergeLoads(redisRounds), mergeLoads(memoryRounds)];
    const ratio = redisLoad.perSecond / memoryLoad.perSecond;
    console.log(formatLoad("token, in-memory limits", memoryLoad));
    console.log(formatLoad("token, Redis limits", redisLoad));
    console.log(
      `throughput ratio (Redis / memory): ${ratio.toFixed(2)}× — budget ≥ 0.85× ${ratio >= 0.85 ? "PASS" : "FAIL"}`,
    );
    failed ||= ratio < 0.85 || redisLoad.failures > 0 || memoryLoad.failures > 0;

    // 3. The home page, catalog cache cold (flushed before each load) and warm.
    const home = `${redisBase}/`;
    const cookie = cookies[0]!;
    const cold = await timePage(home, cookie, PAGES, () => flushCatalogCache(cluster.redis.url));
    const warm = await timePage(home, cookie, PAGES);
    const memoryCookie = await portalCookieHeader(memoryBase, "alice@example.com");
    const memoryWarm = await timePage(`${memoryBase}/`, memoryCookie, PAGES);
    console.log(`home page for alice (${warm.views} views), median of ${PAGES} (p90 in brackets):`);
    console.log(`  cold, Redis instance: ${cold.median.toFixed(1)} ms (${cold.p90.toFixed(1)})`);
    console.log(
      `  warm, Redis instance: ${warm.median.toFixed(1)} ms (${warm.p90.toFixed(1)}) — budget < 50 ms ${warm.median < 50 ? "PASS" : "FAIL"}`,
    );
    console.log(`  warm, memory instance: ${memoryWarm.median.toFixed(1)} ms (${memoryWarm.p90.toFixed(1)})`);
    console.log(`  cold / warm: ${(cold.median / warm.median).toFixed(1)}×`);
    failed ||= warm.median >= 50;
  } finally {
    await stopAndWait(memory);
    await cluster.stop();
  }
} catch (error) {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  failed = true;
} finally {
  await stopAndWait(emulator);
}
process.exit(failed ? 1 : 0);
