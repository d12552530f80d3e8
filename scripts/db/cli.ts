/** The `npm run db` commands as a function (scripts/db.ts is its entry), so tests run it in-process. */
import type { Kysely } from "kysely";
import { describeDb } from "../../lib/db/config";
import { migrateToLatest, migrationStatus } from "../../lib/db/migrate";
import { CliError, openCliDb, type CliEnv } from "../cli-db";

export async function dbCli(
  command: string | undefined,
  env: CliEnv,
  out: (line: string) => void,
): Promise<void> {
  if (command !== "migrate" && command !== "status")
    throw new CliError(`unknown command "${command ?? ""}": use migrate or status`);
  const { db, config, close } = await openCliDb(env, { migrate: false });
  try {
    if (command === "migrate") {
      const started = performance.now();
      const applied = await migrateToLatest(db as Kysely<unknown>, config.kind);
      const ms = Math.round(performance.now() - started);
      out(
        applied.length
          ? `${describeDb(config)}: applied ${applied.join(", ")} in ${ms} ms`
          : `${describeDb(config)}: up to date`,
      );
    } else {
      out(describeDb(config));
      for (const m of await migrationStatus(db as Kysely<unknown>))
        out(`  ${m.appliedAt ? "applied" : "pending"}  ${m.id}${m.appliedAt ? `  ${m.appliedAt}` : ""}`);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${describeDb(config)}: ${(error as Error).message}`);
  } finally {
    await close();
  }
}
