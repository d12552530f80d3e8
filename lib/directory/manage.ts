/**
 * Account changes an admin makes, shared by the admin console and `npm run users`: validated input, password
 * hashing, and the repository call that writes the change with its audit entry. Framework-free.
 */
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import {
  createAccount,
  findAccountByEmail,
  updateAccount,
  type Account,
  type NewAccount,
} from "../db/repositories/accounts";
import { AccountError } from "../db/repositories/errors";
import { parseDirectory } from "./file";
import { hashPassword } from "./password";
import { passwordSchema } from "./account-input";

export class InputError extends Error {
  readonly code = "INVALID_INPUT";
}

export function checkPassword(password: string, demo: boolean): string {
  const parsed = passwordSchema(demo).safeParse(password);
  if (!parsed.success)
    throw new InputError(parsed.error.issues[0]?.message ?? "The password is not allowed.");
  return parsed.data;
}

export async function addAccount(
  db: Kysely<Database>,
  input: Omit<NewAccount, "passwordHash"> & { password?: string },
  actor: string,
  options: { demo: boolean },
): Promise<Account> {
  const { password, ...rest } = input;
  const passwordHash = password ? await hashPassword(checkPassword(password, options.demo)) : null;
  return createAccount(db, { ...rest, passwordHash }, actor);
}

/** Sets a password. `mustChange`: an admin chose it, so the user is asked for their own at next sign-in. */
export async function setPassword(
  db: Kysely<Database>,
  account: Pick<Account, "id" | "version">,
  password: string,
  actor: string,
  options: { demo: boolean; mustChange: boolean },
): Promise<Account> {
  const passwordHash = await hashPassword(checkPassword(password, options.demo));
  return updateAccount(
    db,
    account.id,
    account.version,
    { passwordHash, mustChangePassword: options.mustChange },
    actor,
    options.mustChange ? "user.password_reset" : "user.password_change",
  );
}

export interface ImportResult {
  added: string[];
  /** Already in the database: left as they are. */
  kept: string[];
}

/** Loads a directory file (today's format, e.g. data/directory.json): adds the accounts the database lacks. */
export async function importDirectory(
  db: Kysely<Database>,
  text: string,
  file: string,
  actor: string,
): Promise<ImportResult> {
  const { users } = parseDirectory(text, file);
  const result: ImportResult = { added: [], kept: [] };
  for (const user of users) {
    if (await findAccountByEmail(db, user.email)) {
      result.kept.push(user.email);
      continue;
    }
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
        actor,
      );
      result.added.push(user.email);
    } catch (error) {
      if (error instanceof AccountError && error.code === "EMAIL_TAKEN") result.kept.push(user.email);
      else throw error;
    }
  }
  return result;
}
