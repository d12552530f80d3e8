/** A small closed-loop load generator: `concurrency` workers share a fixed number of requests. */
export interface LoadResult {
  /** Every latency, sorted, in ms. */
  latencies: number[];
  requests: number;
  failures: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export async function runLoad(
  total: number,
  concurrency: number,
  send: () => Promise<Response>,
  ok: (response: Response) => boolean = (response) => response.ok,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < total) {
      next += 1;
      const begin = performance.now();
      const response = await send();
      await response.arrayBuffer();
      latencies.push(performance.now() - begin);
      if (!ok(response)) failures += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return summarise(latencies, failures, seconds);
}

function summarise(latencies: number[], failures: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const requests = latencies.length;
  return {
    latencies,
    requests,
    failures,
    seconds,
    perSecond: requests / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

/** Combines several rounds of the same route into one result (total requests over total time). */
export function mergeLoads(results: LoadResult[]): LoadResult {
  return summarise(
    results.flatMap((result) => result.latencies),
    results.reduce((sum, result) => sum + result.failures, 0),
    results.reduce((sum, result) => sum + result.seconds, 0),
  );
}

export function formatLoad(label: string, result: LoadResult): string {
  return (
    `${label.padEnd(26)} ${result.perSecond.toFixed(0).padStart(6)} req/s   p50 ${result.p50.toFixed(1).padStart(6)} ms` +
    `   p99 ${result.p99.toFixed(1).padStart(6)} ms   failures ${result.failures}/${result.requests}`
  );
}
