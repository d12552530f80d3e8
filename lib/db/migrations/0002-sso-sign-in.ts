/**
 * Single sign-on bookkeeping on accounts: which rule last set the account, and when the provider's claims were
 * last applied, so the admin console can say where an SSO account's role and Tableau identity came from.
 */
import type { Kysely } from "kysely";
import type { Migration } from "../migrate";

async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("users").addColumn("sso_rule", "text").execute();
  await db.schema.alterTable("users").addColumn("sso_synced_at", "text").execute();
}

export const ssoSignIn: Migration = { id: "0002-sso-sign-in", up };
