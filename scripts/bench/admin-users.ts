/**
 * Admin console benchmark: 10,000 accounts in the portal's database, on SQLite and on PostgreSQL, one run each:
 *   1. the time to migrate an empty database;
 *   2. the /admin/users page's server time (request to last byte of the streamed page, which includes the
 *      page's one Get Users on Site request to the emulator for its 25 mappings) for the first page, a deep
 *      page, the last page, a narrow search, a broad search and a search with no match;
 *   3. the database's share: the same listings as repository calls.
 * Budget: every page's p95 under 100 ms. Exits 1 on a miss.
 *   npx tsx scripts/bench/admin-users.ts [--accounts 10000] [--rounds 20] [--only sqlite|postgres]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import type { DbConfig } from "../../lib/db/config";
import { openDatabase } from "../../lib/db/dialect";
import { migrateToLatest } from "../../lib/db/migrate";
import { listAccounts } from "../../lib/db/repositories/accounts";
import { startEmulator } from "../../emulator/server";
import { startPostgres, type RunningPostgres } from "../../test/services/postgres";
import { demoEnv } from "../demo-env";
import { buildIfStale, freePort, start, waitForUrl } from "../processes";
import { reportBudgets, type Budget } from "./lib/budgets";
import { portalCookieHeader } from "./lib/portal-session";
import { seedAccounts } from "./lib/seed-accounts";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "10000" },
    rounds: { type: "string", default: "20" },
    only: { type: "string" },
  },
});
const ACCOUNTS = Number(values.accounts);
const ROUNDS = Number(values.rounds);
const BUDGET_MS = 100;
const PAGE_SIZE = 25;
const lastPage = Math.ceil((ACCOUNTS + 5) / PAGE_SIZE);

const CASES: Array<{ label: string; query: string; search?: string; page?: number }> = [
  { label: "first page", query: "" },
  { label: "page 200", query: "?page=200", page: 200 },
  { label: `last page (${lastPage})`, query: `?page=${lastPage}`, page: lastPage },
  { label: "search, 1 match", query: "?q=user-07321", search: "user-07321" },
  { label: "search, every account", query: "?q=example.com&page=3", search: "example.com", page: 3 },
  { label: "search, no match", query: "?q=nobody-here", search: "nobody-here" },
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm: route compiled, statement cache, connections
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

async function benchKind(kind: DbConfig["kind"], config: DbConfig, env: Record<string, string>) {
  const db = openDatabase(config);
  const t0 = performance.now();
  await migrateToLatest(db as unknown as Kysely<unknown>, kind);
  const migrateMs = performance.now() - t0;
  const s0 = performance.now();
  await seedAccounts(db, ACCOUNTS);
  console.log(
    `\n[${kind}] migrate from empty: ${ms(migrateMs)}; ${ACCOUNTS} accounts seeded in ${ms(performance.now() - s0)}`,
  );

  const port = await freePort();
  const base = `http://localhost:${port}`;
  const portal = start(
    "portal",
    "node_modules/.bin/next",
    ["start", "--hostname", "localhost", "--port", String(port)],
    env,
    "ignore",
  );
  try {
    await waitForUrl(`${base}/api/health`, 60_000, portal.child);
    const cookie = await portalCookieHeader(base, "alice@example.com");
    console.log(`  ${"listing".padEnd(26)} ${"page p50".padStart(10)} ${"p95".padStart(10)}   db p50`);
    for (const c of CASES) {
      const page = await timed(async () => {
        const response = await fetch(`${base}/admin/users${c.query}`, { headers: { Cookie: cookie } });
        const html = await response.text();
        if (response.status !== 200 || !html.includes('data-testid="users-summary"'))
          throw new Error(`${c.label}: HTTP ${response.status} without the listing`);
      });
      const query = await timed(() =>
        listAccounts(db, { search: c.search, page: c.page, pageSize: PAGE_SIZE }),
      );
      const p95 = percentile(page, 95);
      budgets.push({
        label: `[${kind}] ${c.label}, page p95`,
        value: p95,
        limit: BUDGET_MS,
        kind: "below",
        unit: " ms",
        digits: 1,
      });
      console.log(
        `  ${c.label.padEnd(26)} ${ms(percentile(page, 50)).padStart(10)} ${ms(p95).padStart(10)}   ${ms(percentile(query, 50))}`,
      );
    }
  } finally {
    portal.stop();
    await db.destroy();
  }
}

const emulator = await startEmulator({ port: 0, quiet: true });
const dir = mkdtempSync(join(tmpdir(), "vizport-bench-users-"));
let postgres: RunningPostgres | undefined;
const budgets: Budget[] = [];
try {
  const base = demoEnv(emulator.url);
  if (buildIfStale(base)) console.log("bench: portal built");
  console.log(
    `Admin console benchmark: ${ACCOUNTS} accounts, ${ROUNDS} rounds per listing, budget p95 < ${BUDGET_MS} ms`,
  );
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} (1 min)`);
  if (values.only !== "postgres") {
    const file = join(dir, "bench.db");
    await benchKind(
      "sqlite",
      { kind: "sqlite", file },
      { ...base, VIZPORT_DATABASE_FILE: file, DATABASE_URL: "" },
    );
  }
  if (values.only !== "sqlite") {
    postgres = await startPostgres();
    await benchKind(
      "postgres",
      { kind: "postgres", url: postgres.url },
      { ...base, DATABASE_URL: postgres.url },
    );
  }
} finally {
  postgres?.stop();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log("");
reportBudgets(budgets);
