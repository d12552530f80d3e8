/** Accounts with their Tableau mapping, the audit trail, single sign-on rules, per-view settings, recents. */
import type { Kysely } from "kysely";
import type { DbKind, Migration } from "../migrate";

async function up(db: Kysely<unknown>, kind: DbKind): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("tableau_username", "text")
    .addColumn("tableau_attributes", "text", (c) => c.notNull().defaultTo("{}"))
    .addColumn("tableau_groups", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("source", "text", (c) => c.notNull().defaultTo("local"))
    .addColumn("sso_issuer", "text")
    .addColumn("sso_subject", "text")
    .addColumn("manual_fields", "text", (c) => c.notNull().defaultTo("[]"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("last_sign_in_at", "text")
    .execute();
  // Both engines treat NULLs as distinct here, so local accounts (no issuer) do not collide.
  await db.schema
    .createIndex("users_sso_identity")
    .on("users")
    .columns(["sso_issuer", "sso_subject"])
    .unique()
    .execute();

  await db.schema
    .createTable("audit")
    .addColumn("id", kind === "postgres" ? "serial" : "integer", (c) =>
      kind === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("changes", "text", (c) => c.notNull().defaultTo("{}"))
    .execute();
  await db.schema.createIndex("audit_by_target").on("audit").columns(["target", "id"]).execute();

  await db.schema
    .createTable("sso_rules")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("view_settings")
    .addColumn("view", "text", (c) => c.primaryKey())
    .addColumn("settings", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("recent_views")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("view", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("viewed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("recent_views_pk", ["user_id", "view"])
    .execute();
  await db.schema
    .createIndex("recent_views_by_time")
    .on("recent_views")
    .columns(["user_id", "viewed_at"])
    .execute();
}

export const initial: Migration = { id: "0001-initial", up };
