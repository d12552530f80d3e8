/**
 * `npm run emulator`: serves the demo Tableau site (or `--data FILE`, or a generated `--workbooks N` site)
 * until SIGINT/SIGTERM. Exit codes: 0 clean stop, 1 start-up failure, 2 bad flags.
 */
import { parseCliArgs, USAGE, UsageError } from "./cli-args";
import { SiteDataError } from "./core/load-site";
import { startEmulator } from "./server";

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`emulator: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (flags.help) {
    console.log(USAGE);
    return;
  }
  const emu = await startEmulator({
    port: flags.port,
    dataFile: flags.data,
    workbooks: flags.workbooks,
    quiet: flags.quiet,
    allowOrigins: flags["allow-origin"],
    config: flags["fault-seed"] === undefined ? {} : { faultSeed: flags["fault-seed"] },
  });
  const site = emu.ctx.site;
  console.log(
    `Tableau emulator listening on ${emu.url} (site "${site.site.contentUrl}", ${site.workbooks.length} workbooks, ` +
      `REST API ${emu.ctx.config.minApiVersion}–${emu.ctx.config.maxApiVersion}); Ctrl+C stops it`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`emulator: ${signal}, stopping`);
    emu.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException).code;
  if (err instanceof SiteDataError) console.error(`emulator: ${err.message}`);
  else if (code === "EADDRINUSE")
    console.error("emulator: the port is already in use; pick another with --port");
  else console.error(`emulator: cannot start: ${(err as Error).message}`);
  process.exit(1);
});
