/**
 * Manage the portal's accounts from the command line, in the same database the portal uses.
 *
 *   npm run users -- list [--search ann]
 *   npm run users -- add <email> --name "Full Name" [--role viewer|admin] [--tableau-user <name>]
 *                        [--attr Region=East] [--attr Region=West] [--group Sales]
 *   npm run users -- passwd <email>
 *   npm run users -- remove <email>
 *   npm run users -- import <file>    load a directory file (data/directory.json's format): adds the missing
 *
 * The password is read from the terminal without echo, or from the first line of stdin when piped. Every
 * change goes to the audit trail as the `cli` actor.
 */
import { createInterface } from "node:readline";
import { CliError } from "./cli-db";
import { loadEnv } from "./doctor/load-env";
import { usersCli } from "./users/cli";

async function readPassword(): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stdout.write("New password: ");
    // Mute the echo of what is typed; readline still receives it.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  }
  const line = await new Promise<string>((resolve) =>
    rl.once("line", resolve).once("close", () => resolve("")),
  );
  rl.close();
  if (process.stdin.isTTY) process.stdout.write("\n");
  return line;
}

try {
  await usersCli(process.argv.slice(2), loadEnv(), {
    readPassword,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`users: ${error.message}\n`);
  process.exitCode = 1;
}
