/**
 * The database's tables as Kysely sees them. One shape for SQLite and PostgreSQL: times are ISO-8601 text,
 * flags are integers 0/1 and lists or maps are JSON text, so every query reads the same on both.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export interface UsersTable {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  name: string;
  role: "admin" | "viewer";
  /** `scrypt$…`; null for people who sign in only through single sign-on. */
  password_hash: string | null;
  must_change_password: ColumnType<number, number | undefined, number>;
  disabled: ColumnType<number, number | undefined, number>;
  tableau_username: string | null;
  /** JSON object of user attributes, e.g. `{"Region":"East"}`. */
  tableau_attributes: ColumnType<string, string | undefined, string>;
  /** JSON array of Tableau group names. */
  tableau_groups: ColumnType<string, string | undefined, string>;
  /** How the account came to be: `local` (the console, the CLI, an import) or `sso` (first SSO sign-in). */
  source: ColumnType<"local" | "sso", "local" | "sso" | undefined, "local" | "sso">;
  sso_issuer: string | null;
  sso_subject: string | null;
  /** JSON array of the fields an admin set by hand, which single sign-on's rules then leave alone. */
  manual_fields: ColumnType<string, string | undefined, string>;
  /** The rule that set the account at its last single sign-on (migration 0002). */
  sso_rule: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the provider's claims were last applied (migration 0002). */
  sso_synced_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** Bumped by every change: an edit made against an older version is refused. */
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  /** Who: a portal e-mail, `cli`, `system` or `sso`. */
  actor: string;
  action: string;
  /** What it was done to: an e-mail, `sso-rules`, a view. */
  target: string;
  /** JSON: `{ field: [before, after] }`; a password is recorded as `"set"`, never its value. */
  changes: string;
}

export interface SsoRulesTable {
  id: number;
  /** The rules document, as the rules file holds it (lib/sso). */
  document: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface ViewSettingsTable {
  /** The view's contentUrl, `Workbook/sheets/Sheet`. */
  view: string;
  /** JSON: which of the viz's own filters and parameters the portal shows above it. */
  settings: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

export interface RecentViewsTable {
  user_id: string;
  /** The view's contentUrl. */
  view: string;
  title: string;
  viewed_at: string;
}

export interface Database {
  users: UsersTable;
  audit: AuditTable;
  sso_rules: SsoRulesTable;
  view_settings: ViewSettingsTable;
  recent_views: RecentViewsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserRowUpdate = Updateable<UsersTable>;
export type AuditRow = Selectable<AuditTable>;
