/**
 * Load: 50 concurrent clients hold POST /api/tableau/token for 60 s, spread over the demo's four mapped users
 * (one session each), as fast as answers come; then rest, and the same again. Counts 200 / 429 / other, and
 * samples the portal's memory (RSS of its process group) every second. With the default limit (30 tokens per
 * user per minute) nearly every request is a 429: the point is that nothing else comes back and memory
 * settles. A leak grows with every phase; memory that settles is no higher after the second rest than after
 * the first. No emulator needed: minting is local.
 *   npx tsx scripts/bench/token-load.ts [--clients 50] [--seconds 60] [--rest 20] [--phases 2]
 */
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { demoEnv } from "../demo-env";
import { buildIfStale, freePort, start, waitForUrl } from "../processes";
import { portalCookieHeader } from "./lib/portal-session";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
    rest: { type: "string", default: "20" },
    phases: { type: "string", default: "2" },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const REST_SECONDS = Number(values.rest);
const PHASES = Math.max(1, Number(values.phases));
// Growth from one rest to the next that still counts as settled: allocator and JIT noise, not a leak.
const SETTLED_MB = 16;
const USERS = ["alice@example.com", "bob@example.com", "carol@example.com", "erin@example.com"];

/** Resident memory of every process in the group (npx and next-server), in MB. Linux only. */
function groupRssMb(pgid: number): number {
  let kb = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      kb += Number(rss?.[1] ?? 0);
    } catch {
      // The process ended while being read.
    }
  }
  return Math.round(kb / 1024);
}

const env = demoEnv("http://localhost:9");
if (buildIfStale(env)) console.log("bench: portal built");
const port = await freePort();
const base = `http://localhost:${port}`;
const portal = start(
  "portal",
  "npx",
  ["next", "start", "--hostname", "localhost", "--port", String(port)],
  env,
  "ignore",
);
try {
  await waitForUrl(`${base}/api/health`, 60_000, portal.child);
  const pgid = portal.child.pid ?? 0;
  const cookies = await Promise.all(USERS.map((user) => portalCookieHeader(base, user)));
  const before = groupRssMb(pgid);
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(groupRssMb(pgid)), 1000);

  const counts = { ok: 0, limited: 0, other: 0 };
  const otherStatuses = new Map<string, number>();
  const latencies: number[] = [];
  let retryAfterSeen = true;
  const client = async (index: number, deadline: number) => {
    const cookie = cookies[index % cookies.length] ?? "";
    while (Date.now() < deadline) {
      const started = performance.now();
      let status = "network-error";
      try {
        const response = await fetch(`${base}/api/tableau/token`, {
          method: "POST",
          headers: { Cookie: cookie },
        });
        await response.arrayBuffer();
        status = String(response.status);
        if (response.status === 429 && !response.headers.get("retry-after")) retryAfterSeen = false;
      } catch {
        // Counted as "other".
      }
      latencies.push(performance.now() - started);
      if (status === "200") counts.ok++;
      else if (status === "429") counts.limited++;
      else {
        counts.other++;
        otherStatuses.set(status, (otherStatuses.get(status) ?? 0) + 1);
      }
    }
  };
  const phases: { peak: number; afterRest: number }[] = [];
  for (let phase = 0; phase < PHASES; phase += 1) {
    const from = samples.length;
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index, deadline)));
    const peak = Math.max(...samples.slice(from), groupRssMb(pgid));
    await new Promise((resolve) => setTimeout(resolve, REST_SECONDS * 1000));
    phases.push({ peak, afterRest: groupRssMb(pgid) });
  }
  clearInterval(sampler);

  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    (latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0).toFixed(1);
  const total = counts.ok + counts.limited + counts.other;
  const loadSeconds = SECONDS * PHASES;
  console.log(
    `\nToken route under load: ${CLIENTS} clients, ${USERS.length} users, ${PHASES} × ${SECONDS} s with ${REST_SECONDS} s rests, next start`,
  );
  console.log(
    `requests ${total} (${(total / loadSeconds).toFixed(0)}/s): 200 ${counts.ok} · 429 ${counts.limited} · other ${counts.other}`,
  );
  if (otherStatuses.size > 0)
    console.log(`other statuses: ${JSON.stringify(Object.fromEntries(otherStatuses))}`);
  console.log(
    `expected 200s at most ${USERS.length} users × 30/min × ${(loadSeconds / 60).toFixed(1)} min of load, plus one window per rest (default limit)`,
  );
  console.log(`latency ms: p50 ${pct(0.5)} · p99 ${pct(0.99)}; every 429 had Retry-After: ${retryAfterSeen}`);
  console.log(
    `portal RSS MB: before ${before} · ${phases.map((p, i) => `phase ${i + 1}: peak ${p.peak}, after rest ${p.afterRest}`).join(" · ")}`,
  );
  const first = phases[0]?.afterRest ?? before;
  const last = phases.at(-1)?.afterRest ?? before;
  const settled = last - first <= SETTLED_MB;
  if (PHASES > 1)
    console.log(
      `memory ${settled ? "settles" : "keeps growing"}: ${last - first >= 0 ? "+" : ""}${last - first} MB from the first rest to the last (settled within ${SETTLED_MB} MB)`,
    );
  process.exitCode = counts.other === 0 && retryAfterSeen && (PHASES === 1 || settled) ? 0 : 1;
} finally {
  portal.stop();
}
