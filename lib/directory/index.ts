/**
 * The portal's people, server-side: who may sign in and which Tableau identity each maps to, read from the
 * database (lib/db) on every request, so an admin's change takes effect at once on every instance. In demo mode
 * the demo accounts are seeded once per process, before the first lookup.
 */
import "server-only";
import type { Kysely } from "kysely";
import { cache } from "react";
import { getDb, type Database } from "@/lib/db";
import { findAccountByEmail, type Account } from "@/lib/db/repositories/accounts";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { shared } from "@/lib/store";
import { seedDemoAccounts } from "./demo-seed";
import { getDummyHash, verifyPasswordHash } from "./password";
import type { TableauIdentity } from "./schema";

export { hashPassword } from "./password";
export { DirectoryError, parseDirectory } from "./file";
export type { TableauIdentity } from "./schema";
export type { Account } from "@/lib/db/repositories/accounts";

/** The database, with the demo accounts seeded first in demo mode. */
export async function accountsDb(): Promise<Kysely<Database>> {
  const db = await getDb();
  if (getEnv().demo) {
    await shared("directory.demo-seed", () =>
      seedDemoAccounts(db).then((added) => {
        if (added.length) logEvent("directory.seeded", { added });
      }),
    );
  }
  return db;
}

/**
 * The account for an e-mail address (case-insensitive), or null. Read once per server render: a page asks for
 * it from its layout, its body and each Tableau lookup (React's cache lasts one render, so every request, and
 * the render after a server action, reads the database afresh; outside a render it is not kept at all).
 */
export const findUser = cache(async (email: string): Promise<Account | null> => {
  return findAccountByEmail(await accountsDb(), email);
});

/**
 * Checks a password. Pass null for an unknown user (or one without a password): the same scrypt work runs
 * against a dummy hash, so the answer's timing does not tell whether the account exists.
 */
export async function verifyPassword(
  user: Pick<Account, "passwordHash"> | null,
  password: string,
): Promise<boolean> {
  if (!user?.passwordHash) {
    await verifyPasswordHash(await getDummyHash(), password);
    return false;
  }
  return verifyPasswordHash(user.passwordHash, password);
}

/** The Tableau identity a portal user maps to, or null (no mapping, a disabled account, or no account). */
export async function getTableauIdentity(email: string): Promise<TableauIdentity | null> {
  const account = await findUser(email);
  if (!account || account.disabled || !account.tableau) return null;
  return account.tableau;
}
