/**
 * Benchmark: the view page, in one run, against two yardsticks served beside it (design.md "Budgets"):
 * - the peer page: the same `next start`, user and view, built the way other Next.js Tableau portals build a
 *   view page (after hydration, fetch a token and the Embedding API, then render `<tableau-viz>`);
 * - the plain page: static HTML with the Tableau server's script and a token minted in advance (the limit).
 * Each load is timed from navigation start (or the click on a catalog tile) until the viz iframe first paints
 * the view, on the browser's own clocks (lib/view-timing.ts); headless Chromium, carol's view, the server's
 * Embedding API everywhere. Loads alternate, rotating their order each round, and medians are compared. Also
 * the view page's first-load JavaScript, from the build's manifests. Exits 1 when a budget is missed.
 *   npx tsx scripts/bench/viz-page.ts [--runs 9]
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { mintConnectedAppToken } from "../../lib/tableau/jwt";
import { demoEnv } from "../demo-env";
import { startEmulatorAllowing } from "../emulator-process";
import { buildIfStale, freePort, start, waitForUrl } from "../processes";
import { reportBudgets } from "./lib/budgets";
import { firstLoadJs } from "./lib/first-load-js";
import type { MainThread } from "./lib/main-thread";
import { startPlainEmbedPage } from "./lib/plain-embed-page";
import { portalSessionCookie } from "./lib/portal-session";
import { mainThreadUntilView, timeFromCatalog, timeToView } from "./lib/view-timing";

const { values } = parseArgs({ options: { runs: { type: "string", default: "9" } } });
const RUNS = Math.max(1, Number(values.runs) || 9);
/** Extra, untimed loads of each page that read its main thread's time. */
const THREAD_RUNS = 5;
const VIEW = { path: "/views/Superstore/SalesbyRegion", caption: "Sales by Region" };
const PEER_PATH = "/bench/peer/Superstore/SalesbyRegion";
const ROUTE = "/(portal)/views/[workbook]/[sheet]";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

// Ports first: the emulator's Connected App must allow the two pages' origins.
const portalPort = await freePort();
const plainPort = await freePort();
const emulatorPort = await freePort();
const emulator = startEmulatorAllowing(emulatorPort, [
  `http://localhost:${portalPort}`,
  `http://localhost:${plainPort}`,
]);
const emulatorUrl = emulator.url;
// Each portal and peer load mints a token: the per-user limit (30 a minute) would refuse most of a run.
const env: Record<string, string> = {
  ...demoEnv(emulatorUrl),
  VIZPORT_EMBED_LIBRARY: "server",
  VIZPORT_TOKEN_REQUESTS_PER_MINUTE: "1000",
  VIZPORT_BENCH_PEER_PAGE: "1",
};

if (buildIfStale(env)) console.log("bench: portal built");
const js = firstLoadJs(".next", ROUTE);

const portalBase = `http://localhost:${portalPort}`;
const portal = start(
  "portal",
  "node_modules/.bin/next",
  ["start", "--hostname", "localhost", "--port", String(portalPort)],
  env,
  "ignore",
);
const app = {
  clientId: env.TABLEAU_CA_CLIENT!,
  secretId: env.TABLEAU_CA_SECRET_ID!,
  secretValue: env.TABLEAU_CA_SECRET_VALUE!,
};
const tokens = await Promise.all(
  Array.from(
    { length: RUNS + 1 + THREAD_RUNS },
    async () =>
      (
        await mintConnectedAppToken(app, {
          sub: "carol@example.com",
          scopes: ["tableau:views:embed"],
          lifetimeSeconds: 600,
          attributes: { Region: "East" },
        })
      ).token,
  ),
);
const src = `${emulatorUrl}/t/vizport-demo/views/Superstore/SalesbyRegion`;
const plain = await startPlainEmbedPage({ port: plainPort, server: emulatorUrl, src, tokens });
const browser = await chromium.launch({
  ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
  args: ["--no-sandbox", "--disable-gpu"],
});

try {
  await waitForUrl(`${emulatorUrl}/__emulator/health`, 60_000, emulator.child);
  await waitForUrl(`${portalBase}/api/health`, 90_000, portal.child);
  const cookie = await portalSessionCookie(portalBase, "carol@example.com");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ ...cookie, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);

  const loads = {
    direct: () => timeToView(context, `${portalBase}${VIEW.path}`, VIEW.caption),
    peer: () => timeToView(context, `${portalBase}${PEER_PATH}`, VIEW.caption),
    plain: () => timeToView(context, plain.url, VIEW.caption),
    tile: () => timeFromCatalog(context, portalBase, VIEW.path, VIEW.caption),
  };
  type Kind = keyof typeof loads;
  const kinds = Object.keys(loads) as Kind[];
  const times: Record<Kind, number[]> = { direct: [], peer: [], plain: [], tile: [] };
  // One warm-up each (server compilation, browser cache), then every kind once per round, in an order that
  // rotates, so that noise and the order's own effects hit all alike.
  for (const kind of kinds) await loads[kind]();
  for (let round = 0; round < RUNS; round += 1) {
    for (let i = 0; i < kinds.length; i += 1) {
      const kind = kinds[(round + i) % kinds.length]!;
      times[kind].push(await loads[kind]());
    }
  }
  const threads: Record<"direct" | "peer" | "plain", MainThread[]> = { direct: [], peer: [], plain: [] };
  const threadUrls = {
    direct: `${portalBase}${VIEW.path}`,
    peer: `${portalBase}${PEER_PATH}`,
    plain: plain.url,
  };
  for (let i = 0; i < THREAD_RUNS; i += 1) {
    for (const kind of ["direct", "peer", "plain"] as const)
      threads[kind].push(await mainThreadUntilView(context, threadUrls[kind], VIEW.caption));
  }
  await context.close();

  const m = (kind: Kind) => median(times[kind]);
  console.log(
    `\nView page benchmark (${RUNS} rounds, headless Chromium, next start, emulator in its own process)`,
  );
  // The loads share the cores with everything else on the machine: show how busy it was while measuring.
  console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)} (1 min)`);
  const labels: Record<Kind, string> = {
    direct: "Direct load of the view page",
    peer: "Peer page (token and library after hydration)",
    plain: "Plain HTML page (pre-minted token)",
    tile: "From a catalog tile (client-side navigation)",
  };
  for (const kind of kinds)
    console.log(
      `${labels[kind].padEnd(48)} median ${m(kind).toFixed(0).padStart(5)} ms  [${times[kind].map((t) => t.toFixed(0)).join(", ")}]`,
    );
  const busy = (xs: MainThread[]) => median(xs.map((x) => x.busy)).toFixed(0);
  const script = (xs: MainThread[]) => median(xs.map((x) => x.script)).toFixed(0);
  const styleLayout = (xs: MainThread[]) => median(xs.map((x) => x.styleLayout)).toFixed(0);
  console.log(
    `Main thread until the view shows (median of ${THREAD_RUNS} untimed loads; busy / JavaScript / style and layout): ` +
      (["direct", "peer", "plain"] as const)
        .map(
          (kind) =>
            `${kind} ${busy(threads[kind])} / ${script(threads[kind])} / ${styleLayout(threads[kind])} ms`,
        )
        .join(", "),
  );
  console.log(
    `First-load JS of ${VIEW.path}: ${js.files.length} files\n` +
      js.files.map((f) => `  ${(f.gzipBytes / 1024).toFixed(1).padStart(6)} kB  ${f.file}`).join("\n"),
  );
  reportBudgets([
    {
      label: "first-load JS, gzipped",
      value: js.gzipBytes / 1024,
      limit: 150,
      kind: "below",
      unit: " kB",
      digits: 1,
    },
    {
      label: "direct load / peer page",
      value: m("direct") / m("peer"),
      limit: 0.85,
      kind: "max",
      unit: "×",
      aim: 0.75,
    },
    {
      label: "direct load / plain page",
      value: m("direct") / m("plain"),
      limit: 1.8,
      kind: "max",
      unit: "×",
      aim: 1.5,
    },
    {
      label: "catalog tile / plain page",
      value: m("tile") / m("plain"),
      limit: 1.05,
      kind: "max",
      unit: "×",
    },
  ]);
} finally {
  await browser.close();
  await plain.close();
  portal.stop();
  emulator.stop();
}
