import { spawn } from "node:child_process";
import type { Kysely } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { DB_KINDS, emptyDb, type TestDb } from "../../test/db";
import type { DbConfig } from "./config";
import { MIGRATIONS, migrateToLatest, migrationStatus } from "./migrate";

let current: TestDb | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

/** Migrates in a process of its own, as a second portal instance would at start-up. */
function migrateInChild(config: DbConfig): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      "--import",
      "tsx",
      "test/migrate-child.ts",
      JSON.stringify(config),
    ]);
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(err))));
  });
}

describe.each(DB_KINDS)("migrations on %s", (kind) => {
  it("create every table from empty, once, and say so in the status", async () => {
    current = await emptyDb(kind);
    const db = current.db as Kysely<unknown>;
    expect((await migrationStatus(db)).every((m) => m.appliedAt === null)).toBe(true);
    const started = performance.now();
    expect(await migrateToLatest(db, kind)).toEqual(MIGRATIONS.map((m) => m.id));
    console.log(`[db] ${kind}: migrated from empty in ${Math.round(performance.now() - started)} ms`);
    expect(await migrateToLatest(db, kind)).toEqual([]);
    expect((await migrationStatus(db)).every((m) => m.appliedAt !== null)).toBe(true);
    await current.db.selectFrom("users").select("id").execute();
    await current.db.selectFrom("recent_views").select("view").execute();
  });

  it("run once when two instances start together", async () => {
    current = await emptyDb(kind);
    const [a, b] = await Promise.all([migrateInChild(current.config), migrateInChild(current.config)]);
    expect([...a, ...b].sort()).toEqual(MIGRATIONS.map((m) => m.id).sort());
    expect(await migrateToLatest(current.db as Kysely<unknown>, kind)).toEqual([]);
  });
});
