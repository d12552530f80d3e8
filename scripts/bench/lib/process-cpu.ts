/**
 * CPU time a process has used (user + system, all its threads), read from /proc (Linux). On a machine shared
 * with other work, wall-clock latency measures the queue for the cores as much as the server; CPU time per
 * request is the server's own cost, whatever else runs.
 */
import { readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100;

export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Runs `work` and tells how many CPU ms the processes `pids` spent meanwhile. */
export async function measureCpu<T>(
  pids: number[],
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: number }> {
  const before = pids.map(cpuMs);
  const result = await work();
  const spent = pids.map((pid, i) => cpuMs(pid) - (before[i] ?? 0)).reduce((a, b) => a + b, 0);
  return { result, cpuMs: spent };
}
