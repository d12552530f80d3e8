/**
 * The cluster specs' own cluster (scripts/cluster/cluster.ts): two standalone instances behind nginx, Redis,
 * PostgreSQL and an emulator, on ports VIZPORT_E2E_PORT_OFFSET shifts (e2e/ports.ts), their output in .e2e-logs/
 * for the whole-run secret scan.
 * Instances are addressed as localhost so that one cookie jar (cookies ignore ports) serves all of them.
 */
import { startCluster, type Cluster } from "../scripts/cluster/cluster";
import { LOG_DIR } from "../scripts/e2e/log-scan";
import { E2E_PORTS } from "./ports";

export interface E2ECluster extends Cluster {
  /** nginx, round robin over both instances. */
  proxy: string;
  /** Each instance directly. */
  a: string;
  b: string;
}

export async function startE2ECluster(): Promise<E2ECluster> {
  const { clusterProxy: proxy, clusterA: a, clusterB: b } = E2E_PORTS;
  const cluster = await startCluster({
    ports: { proxy, instances: [a, b], redis: E2E_PORTS.clusterRedis, emulator: E2E_PORTS.clusterEmulator },
    logDir: LOG_DIR,
    requirePostgres: true,
    // Every request of the spec comes from one address: the per-address limit is checked elsewhere.
    env: { VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "1000" },
  });
  return { ...cluster, proxy: cluster.url, a: `http://localhost:${a}`, b: `http://localhost:${b}` };
}

/** The successful REST sign-ins the emulator received, per Tableau user. */
export async function restSignInsByUser(cluster: Cluster): Promise<Record<string, number>> {
  const response = await fetch(`${cluster.tableauServer}/__emulator/signins`);
  const { signins } = (await response.json()) as {
    signins: Array<{ kind: string; outcome: string; user?: string }>;
  };
  const counts: Record<string, number> = {};
  for (const s of signins) {
    if (s.kind !== "rest" || s.outcome !== "ok" || !s.user) continue;
    counts[s.user] = (counts[s.user] ?? 0) + 1;
  }
  return counts;
}
