/**
 * `npm run cluster`: the portal as a cluster on this machine. Two instances of one standalone build on :3001
 * and :3002 behind nginx on http://localhost:3000, Redis on :6380, PostgreSQL on a free port (DATABASE_URL) and
 * the Tableau emulator on :8900. Builds first when the sources changed. Ctrl-C stops everything.
 */
import { describeAccounts } from "./demo-accounts";
import { buildIfStale } from "./processes";
import { startCluster, type Cluster } from "./cluster/cluster";

const PORTS = {
  proxy: 3000,
  instances: [3001, 3002] as [number, number],
  redis: 6380,
  emulator: 8900,
};

let cluster: Cluster | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("cluster: stopping");
    await cluster?.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  if (buildIfStale({ NEXT_TELEMETRY_DISABLED: "1" })) console.log("cluster: portal built");
  cluster = await startCluster({ ports: PORTS });
} catch (error) {
  console.error(`cluster: could not start: ${error instanceof Error ? error.message : String(error)}`);
  console.error(
    `cluster: are ports ${Object.values(PORTS).flat().join(", ")} free, and redis-server and nginx installed?`,
  );
  await stop(1);
}

console.log(`
  Vizport cluster: ${cluster?.url}  (nginx → ${cluster?.instanceUrls.join(", ")})
  Redis:           ${cluster?.redis.url}
  PostgreSQL:      ${cluster?.postgres?.url ?? "not installed (apt-get install postgresql-15)"}
  Tableau:         ${cluster?.tableauServer}

  Demo accounts (password: vizport-demo)
${describeAccounts()
  .map((row) => `    ${row}`)
  .join("\n")}

  Press Ctrl-C to stop everything.
`);
