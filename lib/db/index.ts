/**
 * The portal's database, server-side: one Kysely instance per process (lib/store), migrated to the latest schema
 * before its first use.
 */
import "server-only";
import type { Kysely } from "kysely";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { forgetShared, shared } from "@/lib/store";
import { openDatabase } from "./dialect";
import { migrateToLatest } from "./migrate";
import type { Database } from "./schema";

export type { Database } from "./schema";

interface Handle {
  db: Kysely<Database>;
  ready: Promise<Kysely<Database>>;
}

function open(): Handle {
  const { database } = getEnv();
  const db = openDatabase(database);
  const ready = (async () => {
    const started = performance.now();
    const applied = await migrateToLatest(db as Kysely<unknown>, database.kind);
    if (applied.length)
      logEvent("db.migrated", { kind: database.kind, applied, ms: Math.round(performance.now() - started) });
    return db;
  })();
  return { db, ready };
}

/**
 * The migrated database. Throws (the driver's error) when it cannot be opened or migrated; the next call then
 * tries again, so a database that was down is used as soon as it is back.
 */
export async function getDb(): Promise<Kysely<Database>> {
  const handle = shared("db", open);
  try {
    return await handle.ready;
  } catch (error) {
    forgetShared("db", handle);
    await handle.db.destroy().catch(() => undefined);
    throw error;
  }
}
