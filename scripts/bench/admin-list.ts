/**
 * Admin list benchmark: a 10,000-workbook emulator site, the lib REST client (what the listWorkbooks server
 * action calls; the action adds only the session check and zod validation), measured in one run:
 *   1. REST requests per listing, cold (with the sign-in) and warm (cached session);
 *   2. the client's time for a 100-row page next to the same raw HTTP request (budget: under 1.2×; and one
 *      REST sign-in for all the listings of step 1);
 *   3. the time to page through the whole site, and a name search that scans it.
 * Exits 1 when a budget is missed. Run: npx tsx scripts/bench/admin-list.ts [workbooks] [rounds]
 */
import { mintConnectedAppToken } from "../../lib/tableau/jwt";
import { createTableauClient } from "../../lib/tableau/rest";
import { startEmulator } from "../../emulator/server";
import { reportBudgets } from "./lib/budgets";

const WORKBOOKS = Number(process.argv[2] ?? 10_000);
const ROUNDS = Number(process.argv[3] ?? 60);
const USER = "alice@example.com";
const API = "3.28";
const APP = {
  clientId: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  secretId: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
  secretValue: "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68",
};

const emu = await startEmulator({ port: 0, quiet: true, workbooks: WORKBOOKS });
try {
  const client = createTableauClient({
    server: emu.url,
    apiVersion: API,
    site: "vizport-demo",
    mintToken: async (sub) =>
      (await mintConnectedAppToken(APP, { sub, scopes: ["tableau:content:read"], lifetimeSeconds: 120 }))
        .token,
  });
  const state = emu.ctx.state;
  const restSignins = () => state.signins.filter((s) => s.kind === "rest").length;
  const sort = [{ field: "name", direction: "asc" as const }];

  // What one admin listing costs: the page, the project list (cached for a minute by the action) and one views
  // request for the default-view links.
  const listing = async (pageNumber: number) => {
    const page = await client.listWorkbooks(USER, { pageSize: 100, pageNumber, sort });
    await client.resolveDefaultViewPaths(USER, page.items);
    return page;
  };
  const count = async (label: string, fn: () => Promise<unknown>) => {
    const [req0, sign0] = [state.requestCount, restSignins()];
    await fn();
    console.log(
      `  ${label}: ${state.requestCount - req0} HTTP requests, of which ${restSignins() - sign0} sign-in`,
    );
    return restSignins() - sign0;
  };
  console.log(`Admin list benchmark: ${WORKBOOKS.toLocaleString("en-US")} workbooks, emulator at ${emu.url}`);
  console.log(
    "(calls the lib client directly; the server action adds only the session check and validation)\n",
  );
  console.log("1. REST requests per listing (100 rows + default-view links)");
  let listingSignIns = await count("first listing, cold", async () => {
    await client.listProjects(USER);
    await listing(1);
  });
  listingSignIns += await count("second listing, warm session", () => listing(2));
  listingSignIns += await count("listing 10 more pages", async () => {
    for (let p = 3; p <= 12; p++) await listing(p);
  });

  const session = await client.signIn(USER);
  const raw = async (path: string) => {
    const res = await fetch(`${emu.url}/api/${API}/sites/${session.siteId}${path}`, {
      headers: { Accept: "application/json", "X-Tableau-Auth": session.token },
    });
    if (!res.ok) throw new Error(`raw ${path}: ${res.status}`);
    return res.json() as Promise<{ workbooks: { workbook?: { name: string }[] } }>;
  };

  console.log(
    `\n2. 100-row page: client vs the emulator's own answer to the same request (${ROUNDS} rounds each)`,
  );
  const times = {
    raw: [] as number[],
    client: [] as number[],
    rawFull: [] as number[],
    full: [] as number[],
  };
  for (let i = 0; i < ROUNDS + 5; i++) {
    const pageNumber = (i % 50) + 1;
    const path = `/workbooks?pageSize=100&pageNumber=${pageNumber}&sort=name:asc`;
    // Interleaved, so both see the same machine load; the first 5 rounds warm up and are dropped.
    let t = performance.now();
    const body = await raw(path);
    const rawMs = performance.now() - t;
    t = performance.now();
    const page = await client.listWorkbooks(USER, { pageSize: 100, pageNumber, sort });
    const clientMs = performance.now() - t;
    const names = (body.workbooks.workbook ?? []).map((w) => w.name);
    const viewsPath = `/views?pageSize=1000&filter=workbookName:in:[${[...new Set(names)].join(",")}]`;
    t = performance.now();
    await raw(path);
    await raw(encodeURI(viewsPath));
    const rawFullMs = performance.now() - t;
    t = performance.now();
    await client.resolveDefaultViewPaths(
      USER,
      (await client.listWorkbooks(USER, { pageSize: 100, pageNumber, sort })).items,
    );
    const fullMs = performance.now() - t;
    if (page.items.length !== 100) throw new Error(`page ${pageNumber} had ${page.items.length} rows`);
    if (i < 5) continue;
    times.raw.push(rawMs);
    times.client.push(clientMs);
    times.rawFull.push(rawFullMs);
    times.full.push(fullMs);
  }
  const row = (label: string, client: number[], raw: number[]) => {
    const [c, r] = [median(client), median(raw)];
    console.log(
      `  ${label}: client median ${c.toFixed(2)} ms, raw median ${r.toFixed(2)} ms, ratio ${(c / r).toFixed(3)}× ` +
        `(p90 ${percentile(client, 0.9).toFixed(2)} / ${percentile(raw, 0.9).toFixed(2)} ms)`,
    );
    return c / r;
  };
  const ratio = row("workbooks page        ", times.client, times.raw);
  row("page + default views  ", times.full, times.rawFull);
  reportBudgets([
    {
      label: "100-row page, client / emulator",
      value: ratio,
      limit: 1.2,
      kind: "below",
      unit: "×",
      digits: 3,
    },
    {
      label: "REST sign-ins over 12 listings",
      value: listingSignIns,
      limit: 1,
      kind: "max",
      unit: "",
      digits: 0,
    },
  ]);

  console.log("\n3. The whole site");
  for (const pageSize of [100, 1000]) {
    const t = performance.now();
    let seen = 0;
    for (let p = 1; ; p++) {
      const page = await client.listWorkbooks(USER, { pageSize, pageNumber: p, sort });
      seen += page.items.length;
      if (seen >= page.totalAvailable || page.items.length === 0) break;
    }
    console.log(`  paged through ${seen.toLocaleString("en-US")} workbooks, ${pageSize} per page: ${ms(t)}`);
  }
  let t = performance.now();
  const hits = await client.searchWorkbooks(USER, { contains: "sales", sort, pageSize: 25, pageNumber: 1 });
  console.log(
    `  name search "sales" (full scan): ${hits.totalAvailable.toLocaleString("en-US")} hits in ${ms(t)}`,
  );
  t = performance.now();
  await client.searchWorkbooks(USER, { contains: "region", sort, pageSize: 25, pageNumber: 2 });
  console.log(`  next search within the scan's 30 s reuse: ${ms(t)}`);
  console.log(
    `\nClient totals: ${client.stats().signIns} sign-in(s), ${client.stats().requests} REST requests.`,
  );
  await client.signOut(USER);
} finally {
  await emu.close();
}

function median(xs: number[]): number {
  return percentile(xs, 0.5);
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}

function ms(start: number): string {
  return `${Math.round(performance.now() - start)} ms`;
}
