/**
 * The user directory: who may sign in to the portal and which Tableau identity each person maps to.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { shared } from "@/lib/store";
import { getDummyHash, verifyPasswordHash } from "./password";
import { DirectoryStore } from "./store";
import type { DirectoryUser, TableauIdentity } from "./schema";

export { hashPassword } from "./password";
export { DirectoryError, DirectoryStore, parseDirectory } from "./store";
export type { DirectoryUser, TableauIdentity } from "./schema";

function getStore(): DirectoryStore {
  return shared(
    "directory",
    () =>
      new DirectoryStore(getEnv().directoryFile, (error) =>
        logEvent("directory.invalid", { kept: "last good directory", problem: error.message }),
      ),
  );
}

/** The directory entry for an e-mail address (case-insensitive), or null. */
export async function findUser(email: string): Promise<DirectoryUser | null> {
  return getStore().findUser(email);
}

/** Every account, for the start-up checks. */
export async function listUsers(): Promise<DirectoryUser[]> {
  return getStore().listUsers();
}

/**
 * Checks a password. Pass null for an unknown user: the same scrypt work runs against a dummy hash, so the
 * answer's timing does not tell whether the account exists.
 */
export async function verifyPassword(user: DirectoryUser | null, password: string): Promise<boolean> {
  if (!user) {
    await verifyPasswordHash(await getDummyHash(), password);
    return false;
  }
  return verifyPasswordHash(user.passwordHash, password);
}

/** The Tableau identity a portal user maps to, or null when the directory gives them none. */
export async function getTableauIdentity(email: string): Promise<TableauIdentity | null> {
  const tableau = (await findUser(email))?.tableau;
  if (!tableau) return null;
  return { username: tableau.username, attributes: tableau.attributes, groups: tableau.groups };
}
