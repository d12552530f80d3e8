/**
 * The end-to-end servers' ports. `VIZPORT_E2E_PORT_OFFSET` (default 0) shifts them all, so two checkouts on one
 * machine can run their suites at once without meeting on a port.
 */
const raw = process.env.VIZPORT_E2E_PORT_OFFSET ?? "0";
if (!/^\d{1,4}$/.test(raw)) throw new Error("VIZPORT_E2E_PORT_OFFSET must be a whole number from 0 to 9999");
const offset = Number(raw);

export const E2E_PORTS = {
  emulator: 8910 + offset,
  server: 3100 + offset,
  bundled: 3101 + offset,
  wrongSecret: 3102 + offset,
  // e2e/cluster.spec.ts's own cluster (PostgreSQL takes a free port: nothing else reaches it).
  clusterProxy: 3110 + offset,
  clusterA: 3111 + offset,
  clusterB: 3112 + offset,
  clusterRedis: 6390 + offset,
  clusterEmulator: 8911 + offset,
  /** The local OpenID Connect provider e2e/sso.spec.ts starts (the demo's is 8950). */
  oidcProvider: 8960 + offset,
  /** The provider of e2e/a11y-sso.spec.ts. */
  oidcProviderA11y: 8961 + offset,
} as const;
