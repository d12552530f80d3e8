/**
 * `npm run doctor`: checks the Tableau settings end to end (variables, token, server, clock, REST version,
 * sign-in, workbooks, sign-out) and says which setting to fix. Exit status 0 only when every check passes.
 *
 *   npm run doctor            # for people
 *   npm run doctor -- --json  # one JSON document for machines
 *
 * Never prints the secret value, a token or a token's signature.
 */
import { parseArgs } from "node:util";
import { exitCode, formatReport } from "../lib/doctor/format";
import { loadEnv } from "./doctor/load-env";
import { runDoctor } from "../lib/doctor/run-doctor";

const USAGE = "Usage: npm run doctor [-- --json]";

function flags(): { json: boolean } {
  try {
    const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
    return { json: values.json };
  } catch (err) {
    // A bad flag is a usage error: one line, no stack trace.
    process.stderr.write(`doctor: ${err instanceof Error ? err.message : "bad arguments"}\n${USAGE}\n`);
    process.exit(2);
  }
}

const { json } = flags();
const report = await runDoctor({ env: loadEnv() });
process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
process.exitCode = exitCode(report);
