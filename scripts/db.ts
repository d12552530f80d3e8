/**
 * The database's schema, from the command line:
 *   npm run db -- migrate   apply every pending migration (the portal also does this when it starts)
 *   npm run db -- status    which migrations are applied, and which database this is
 */
import { CliError } from "./cli-db";
import { dbCli } from "./db/cli";
import { loadEnv } from "./doctor/load-env";

try {
  await dbCli(process.argv[2], loadEnv(), (line) => console.log(line));
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`db: ${error.message}\n`);
  process.exitCode = 1;
}
