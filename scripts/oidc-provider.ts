/**
 * `tsx scripts/oidc-provider.ts`: a real OpenID Connect provider on localhost for the demo and the tests, with
 * demo people, its own login and consent pages, RP-initiated logout and a `/__control/` API. For local use only:
 * it signs anyone in who picks a name. Exit codes: 0 clean stop, 1 start-up failure, 2 bad flags.
 */
import { parseSettings, USAGE, UsageError } from "./oidc-provider/cli-args";
import { startOidcProvider } from "./oidc-provider/server";

async function main(): Promise<void> {
  let settings;
  try {
    settings = parseSettings(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`oidc-provider: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (settings.help) {
    console.log(USAGE);
    return;
  }
  const running = await startOidcProvider(settings);
  console.log(
    `OpenID Connect provider listening: issuer ${running.issuer}, client "${settings.clientId}", ` +
      `${running.people.list().length} demo people; Ctrl+C stops it`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`oidc-provider: ${signal}, stopping`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE")
    console.error("oidc-provider: the port is already in use; pick another with --port");
  else
    console.error(`oidc-provider: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
