/**
 * The user directory: who may sign in to the portal and which Tableau identity each person maps to.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { getDummyHash, verifyPasswordHash } from "./password";
import { DirectoryStore } from "./store";
import type { DirectoryUser, TableauIdentity } from "./schema";

export { hashPassword } from "./password";
export { DirectoryError, DirectoryStore, parseDirectory } from "./store";
export type { DirectoryUser, TableauIdentity } from "./schema";

let store: DirectoryStore | undefined;

function getStore(): DirectoryStore {
  store ??= new DirectoryStore(getEnv().directoryFile);
  return store;
}

/** The directory entry for an e-mail address (case-insensitive), or null. */
export function findUser(email: string): DirectoryUser | null {
  return getStore().findUser(email);
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
export function getTableauIdentity(email: string): TableauIdentity | null {
  const tableau = findUser(email)?.tableau;
  if (!tableau) return null;
  return { username: tableau.username, attributes: tableau.attributes, groups: tableau.groups };
}
