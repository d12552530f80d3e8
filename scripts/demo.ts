/**
 * `npm run demo`: the Tableau emulator on :8900, the local OpenID Connect provider on :8950 and the portal on
 * :3000, with the demo configuration (password sign-in and single sign-on), no .env.local needed. Builds the
 * portal when the sources changed (`--dev` runs `next dev` instead). Ctrl-C stops all three.
 */
import { existsSync } from "node:fs";
import { DEMO_EMULATOR_PORT, DEMO_OIDC_PORT, DEMO_PORTAL_PORT, demoEnv, demoOidcEnv } from "./demo-env";
import { buildIfStale, start, waitForUrl, type Started } from "./processes";
import { describeAccounts } from "./demo-accounts";

const dev = process.argv.includes("--dev");
const emulatorUrl = `http://localhost:${DEMO_EMULATOR_PORT}`;
const portalUrl = `http://localhost:${DEMO_PORTAL_PORT}`;
const issuer = `http://localhost:${DEMO_OIDC_PORT}`;
const env = { ...demoEnv(emulatorUrl), ...demoOidcEnv(issuer) };
const running: Started[] = [];

function stopAll(code: number): never {
  for (const process_ of running) process_.stop();
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

if (existsSync(".env.local")) {
  console.log(
    "demo: .env.local found. The demo's own settings win for the variables it sets (TABLEAU_*, AUTH_SECRET,\n" +
      "      VIZPORT_DATABASE_FILE, VIZPORT_DEMO, AUTH_OIDC_*, VIZPORT_SSO_RULES_FILE): Next.js never overrides a\n" +
      "      variable already in the environment.",
  );
}

try {
  if (!dev && buildIfStale(env)) console.log("demo: portal built");
  const emulator = start(
    "emulator",
    "npx",
    ["tsx", "emulator/cli.ts", "--port", String(DEMO_EMULATOR_PORT)],
    env,
  );
  running.push(emulator);
  await waitForUrl(`${emulatorUrl}/__emulator/health`, 60_000, emulator.child);

  const provider = start(
    "identity provider",
    "npx",
    ["tsx", "scripts/oidc-provider.ts", "--port", String(DEMO_OIDC_PORT)],
    env,
  );
  running.push(provider);
  await waitForUrl(`${issuer}/.well-known/openid-configuration`, 60_000, provider.child);

  const nextArgs = [dev ? "dev" : "start", "--hostname", "localhost", "--port", String(DEMO_PORTAL_PORT)];
  const portal = start("portal", "npx", ["next", ...nextArgs], env);
  running.push(portal);
  await waitForUrl(`${portalUrl}/api/health`, 120_000, portal.child);

  for (const { name, child } of running) {
    child.once("exit", (code) => {
      console.error(`demo: the ${name} stopped (exit code ${code ?? "none"}); stopping everything.`);
      stopAll(1);
    });
  }
} catch (error) {
  console.error(`demo: could not start: ${error instanceof Error ? error.message : String(error)}`);
  console.error(
    `demo: is something else using port ${DEMO_EMULATOR_PORT}, ${DEMO_OIDC_PORT} or ${DEMO_PORTAL_PORT}?`,
  );
  stopAll(1);
}

console.log(`
  Vizport is running: ${portalUrl}
  Tableau emulator:   ${emulatorUrl}
  Identity provider:  ${issuer} ("Sign in with the demo identity provider": alice is an admin,
                      bob and carol see their region, olga is refused; see docs/local-oidc-provider.md)

  Demo accounts (password: vizport-demo; erin maps to a user the site does not have)
${describeAccounts()
  .map((row) => `    ${row}`)
  .join("\n")}

  Press Ctrl-C to stop.
`);
