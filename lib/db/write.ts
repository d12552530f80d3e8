/**
 * A write transaction on either engine. On SQLite it is `BEGIN IMMEDIATE`: a plain (deferred) transaction that
 * reads and then writes can meet another process's writer and fail at once with SQLITE_BUSY, however long the
 * busy timeout; taking the write lock up front makes the second writer wait for the first instead.
 */
import { sql, SqliteAdapter, type Kysely, type Transaction } from "kysely";
import type { Database } from "./schema";

export function isSqlite(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!isSqlite(db)) return db.transaction().execute((trx: Transaction<Database>) => work(trx));
  // Already inside one (a caller's transaction): join it.
  if (db.isTransaction) return work(db);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}
