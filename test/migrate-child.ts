/** Run by lib/db/migrate.test.ts as a separate process: migrates the database named by its argument. */
import type { Kysely } from "kysely";
import type { DbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/dialect";
import { migrateToLatest } from "../lib/db/migrate";

const config = JSON.parse(process.argv[2] ?? "{}") as DbConfig;
const db = openDatabase(config);
const applied = await migrateToLatest(db as Kysely<unknown>, config.kind);
process.stdout.write(JSON.stringify(applied));
await db.destroy();
