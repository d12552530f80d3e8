/**
 * The migrations and their runner, for SQLite and PostgreSQL alike. They run once even when several instances
 * start together: on PostgreSQL under an advisory lock, on SQLite inside one `BEGIN IMMEDIATE` transaction
 * (the second process waits for the first's write lock, then finds the work done). Framework-free, so the
 * `npm run db` command uses it too.
 */
import { sql, type Kysely } from "kysely";
import { initial } from "./migrations/0001-initial";
import { ssoSignIn } from "./migrations/0002-sso-sign-in";

export type DbKind = "sqlite" | "postgres";

export interface Migration {
  /** Sorts in the order the migrations apply: `NNNN-name`. */
  id: string;
  up(db: Kysely<unknown>, kind: DbKind): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [initial, ssoSignIn];

// Any constant will do, as long as nothing else on the server takes the same advisory lock.
const POSTGRES_LOCK_KEY = 7_431_905;

interface MigrationsTable {
  vizport_migrations: { id: string; applied_at: string };
}

export interface MigrationStatus {
  id: string;
  appliedAt: string | null;
}

/** Applies every pending migration; returns the ids it applied (none when another instance got there first). */
export async function migrateToLatest(db: Kysely<unknown>, kind: DbKind): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    const conn = connection as Kysely<MigrationsTable>;
    if (kind === "postgres") await sql`select pg_advisory_lock(${POSTGRES_LOCK_KEY})`.execute(conn);
    else await sql`begin immediate`.execute(conn);
    try {
      await conn.schema
        .createTable("vizport_migrations")
        .ifNotExists()
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("applied_at", "text", (c) => c.notNull())
        .execute();
      const done = new Set(
        (await conn.selectFrom("vizport_migrations").select("id").execute()).map((r) => r.id),
      );
      const applied: string[] = [];
      for (const migration of MIGRATIONS) {
        if (done.has(migration.id)) continue;
        const apply = async (trx: Kysely<MigrationsTable>) => {
          await migration.up(trx as Kysely<unknown>, kind);
          await trx
            .insertInto("vizport_migrations")
            .values({ id: migration.id, applied_at: new Date().toISOString() })
            .execute();
        };
        // SQLite is inside its BEGIN IMMEDIATE already; PostgreSQL gets a transaction per migration.
        if (kind === "postgres") await conn.transaction().execute(apply);
        else await apply(conn);
        applied.push(migration.id);
      }
      if (kind === "sqlite") await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      if (kind === "sqlite") await sql`rollback`.execute(conn).catch(() => undefined);
      throw error;
    } finally {
      if (kind === "postgres") await sql`select pg_advisory_unlock(${POSTGRES_LOCK_KEY})`.execute(conn);
    }
  });
}

/** Every known migration, and when it was applied (null: pending). */
export async function migrationStatus(db: Kysely<unknown>): Promise<MigrationStatus[]> {
  const conn = db as Kysely<MigrationsTable>;
  let rows: Array<{ id: string; applied_at: string }> = [];
  try {
    rows = await conn.selectFrom("vizport_migrations").select(["id", "applied_at"]).execute();
  } catch {
    // No migrations table yet: a database that has never been migrated.
  }
  const applied = new Map(rows.map((row) => [row.id, row.applied_at]));
  return MIGRATIONS.map((m) => ({ id: m.id, appliedAt: applied.get(m.id) ?? null }));
}
