/**
 * The database as the command-line tools open it: the same variables as the portal (DATABASE_URL, else
 * VIZPORT_DATABASE_FILE), read from `.env.local` and the environment like the doctor, migrated first.
 */
import type { Kysely } from "kysely";
import { dbConfigFrom, describeDb, type DbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/dialect";
import { migrateToLatest } from "../lib/db/migrate";
import type { Database } from "../lib/db/schema";

export type CliEnv = Record<string, string | undefined>;

/** What a command tells its user when it refuses: printed as `tool: message`, exit status 1. */
export class CliError extends Error {}

export interface CliDb {
  db: Kysely<Database>;
  config: DbConfig;
  /** VIZPORT_DEMO=1: the demo password may be set. */
  demo: boolean;
  close(): Promise<void>;
}

export async function openCliDb(env: CliEnv, options: { migrate?: boolean } = {}): Promise<CliDb> {
  let config: DbConfig;
  try {
    config = dbConfigFrom(env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const db = openDatabase(config);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(db as Kysely<unknown>, config.kind);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw new CliError(`${describeDb(config)} cannot be opened: ${(error as Error).message}`);
    }
  }
  return {
    db,
    config,
    demo: env.VIZPORT_DEMO === "1" || env.VIZPORT_DEMO === "true",
    close: () => db.destroy(),
  };
}
