/** Builds the Kysely instance for a configuration. Server-side only (native modules). */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DbConfig } from "./config";
import type { Database } from "./schema";

export function openDatabase(config: DbConfig): Kysely<Database> {
  if (config.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client's error (the server restarting) must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  const file = resolve(config.file);
  mkdirSync(dirname(file), { recursive: true });
  const database = new SQLite(file);
  // WAL lets several processes read while one writes; busy_timeout makes a writer wait for another's lock.
  database.pragma("journal_mode = WAL");
  database.pragma("busy_timeout = 5000");
  database.pragma("foreign_keys = ON");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}
