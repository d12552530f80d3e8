/** What the cluster benchmark reads besides load figures: the emulator's sign-ins, page timings, cache flushes. */
import { createClient } from "redis";

/** Successful REST sign-ins the emulator received since its last reset, per Tableau user. */
export async function restSignIns(tableau: string): Promise<Record<string, number>> {
  const response = await fetch(`${tableau}/__emulator/signins`);
  const { signins } = (await response.json()) as {
    signins: Array<{ kind: string; outcome: string; user?: string }>;
  };
  const counts: Record<string, number> = {};
  for (const s of signins) {
    if (s.kind === "rest" && s.outcome === "ok" && s.user) counts[s.user] = (counts[s.user] ?? 0) + 1;
  }
  return counts;
}

/** Drops every cached catalog listing, so the next home page reads Tableau. */
export async function flushCatalogCache(url: string): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: "vizport:cache:catalog:*", COUNT: 1000 })) {
      if (keys.length > 0) await client.del(keys);
    }
  } finally {
    client.destroy();
  }
}

export interface PageTiming {
  median: number;
  p90: number;
  /** Views the page listed (its distinct thumbnail links). */
  views: number;
  /** CPU ms the measured loads cost the server, when a measure was given. */
  cpuMs: number;
}

type Measure = (work: () => Promise<unknown>) => Promise<{ cpuMs: number }>;

/**
 * Loads `url` `runs` times, one at a time, each until its streamed body has ended; `before` runs ahead of each
 * load, outside the timing and outside `measure`.
 */
export async function timePage(
  url: string,
  cookie: string,
  runs: number,
  before?: () => Promise<void>,
  measure?: Measure,
): Promise<PageTiming> {
  const times: number[] = [];
  let views = 0;
  let cpuMs = 0;
  for (let i = 0; i < runs; i++) {
    await before?.();
    const load = async () => {
      const started = performance.now();
      const response = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
      const html = await response.text();
      times.push(performance.now() - started);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      views = new Set(html.match(/\/api\/thumbnails\/[A-Za-z0-9-]+\/[A-Za-z0-9-]+/g) ?? []).size;
    };
    if (measure) cpuMs += (await measure(load)).cpuMs;
    else await load();
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { median: at(0.5), p90: at(0.9), views, cpuMs };
}
