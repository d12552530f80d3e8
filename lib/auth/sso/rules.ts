/**
 * The rules single sign-on applies, read from the database at every sign-in (an admin's edit applies at once,
 * on every instance). The first use in a process seeds the table from VIZPORT_SSO_RULES_FILE when it is empty.
 */
import "server-only";
import { basename } from "node:path";
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import type { Database } from "@/lib/db";
import { loadSsoRules, seedSsoRules, type StoredSsoRules } from "@/lib/db/repositories/sso-rules";
import { accountsDb } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { forgetShared, shared } from "@/lib/store";

async function seedFromFile(db: Kysely<Database>): Promise<void> {
  const file = getEnv().sso.rulesFile;
  if (!file || (await loadSsoRules(db))) return;
  // Read here, not at start-up: a bad file is then reported where the rules are used, and fixed by editing them.
  const seeded = await seedSsoRules(db, readFileSync(file, "utf8"), `file:${basename(file)}`);
  if (seeded) logEvent("sso.rules.seeded", { file: basename(file) });
}

/** The database, with the rules seeded once per process (a failed seed is tried again next time). */
export async function ssoRulesDb(): Promise<Kysely<Database>> {
  const db = await accountsDb();
  const seeding = shared("sso.rules-seed", () => seedFromFile(db));
  try {
    await seeding;
  } catch (error) {
    forgetShared("sso.rules-seed", seeding);
    throw error;
  }
  return db;
}

/** The stored rules, or null when there are none. Throws when the database or the rules file cannot be read. */
export async function currentSsoRules(): Promise<StoredSsoRules | null> {
  return loadSsoRules(await ssoRulesDb());
}
