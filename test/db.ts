/**
 * Test support for the database: a fresh, migrated database of either kind, so a suite can run the same
 * tests on SQLite (a temporary file) and PostgreSQL (a database of its own on the run's server).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import type { DbConfig } from "../lib/db/config";
import { openDatabase } from "../lib/db/dialect";
import { migrateToLatest, type DbKind } from "../lib/db/migrate";
import type { Database } from "../lib/db/schema";

export const DB_KINDS: DbKind[] = ["sqlite", "postgres"];

export interface TestDb {
  db: Kysely<Database>;
  config: DbConfig;
  /** Another connection to the same database, as a second instance would have. */
  open(): Kysely<Database>;
  close(): Promise<void>;
}

/** An empty database of `kind` (not migrated). */
export async function emptyDb(kind: DbKind): Promise<TestDb> {
  const opened: Array<Kysely<Database>> = [];
  let config: DbConfig;
  let cleanup = async () => undefined as void;
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "vizport-sqlite-"));
    config = { kind: "sqlite", file: join(dir, "test.db") };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const server = inject("postgresUrl");
    const name = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    config = { kind: "postgres", url: server.replace(/\/postgres$/, `/${name}`) };
  }
  const open = () => {
    const db = openDatabase(config);
    opened.push(db);
    return db;
  };
  const db = open();
  return {
    db,
    config,
    open,
    close: async () => {
      await Promise.all(opened.map((d) => d.destroy()));
      await cleanup();
    },
  };
}

/** A migrated database of `kind`. */
export async function migratedDb(kind: DbKind): Promise<TestDb> {
  const test = await emptyDb(kind);
  await migrateToLatest(test.db as Kysely<unknown>, kind);
  return test;
}
