/**
 * Demo mode's accounts: those of data/directory.json that the database does not have yet are added, with
 * their published password hashes; existing accounts (and edits made to them) are left alone. The file is
 * bundled (imported), not read at run time, so it ships with the build.
 */
import type { Kysely } from "kysely";
import demoDirectory from "@/data/directory.json";
import type { Database } from "@/lib/db/schema";
import { createAccount, findAccountByEmail } from "@/lib/db/repositories/accounts";
import { AccountError } from "@/lib/db/repositories/errors";
import { parseDirectoryValue } from "./file";
import type { DirectoryFile } from "./schema";

const demo = (): DirectoryFile => parseDirectoryValue(demoDirectory, "data/directory.json");

export async function seedDemoAccounts(db: Kysely<Database>): Promise<string[]> {
  const added: string[] = [];
  for (const user of demo().users) {
    if (await findAccountByEmail(db, user.email)) continue;
    try {
      await createAccount(
        db,
        {
          email: user.email,
          name: user.name,
          role: user.role,
          passwordHash: user.passwordHash,
          tableau: user.tableau ?? null,
        },
        "demo-seed",
      );
      added.push(user.email);
    } catch (error) {
      // Another instance seeding at the same moment got there first.
      if (!(error instanceof AccountError && error.code === "EMAIL_TAKEN")) throw error;
    }
  }
  return added;
}

/** The demo accounts' e-mails. */
export function demoEmails(): string[] {
  return demo().users.map((user) => user.email);
}

/** The password hashes the demo directory publishes: an account holding one has the demo password. */
export function publishedDemoHashes(): string[] {
  return demo().users.map((user) => user.passwordHash);
}
