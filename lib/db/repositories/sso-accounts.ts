/**
 * Accounts as single sign-on makes and refreshes them: keyed by issuer + subject, created just in time at the
 * first sign-in, and brought in line with the rules' answer at every sign-in, except for the fields an admin
 * set by hand (`manual_fields`), which the rules leave alone. Each change is audited as the actor `sso`.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { TableauIdentity } from "../../directory/schema";
import type { Database } from "../schema";
import { writeTransaction } from "../write";
import { findAccountByEmail, findAccountBySso, identityColumns, toAccount, type Account } from "./accounts";
import { recordAudit, type Changes } from "./audit";
import { isUniqueViolation } from "./errors";

/** What the rules decided for this sign-in (lib/sso's SsoIdentity, without the engine's own types). */
export interface SsoProfile {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  role: "admin" | "viewer";
  tableau: TableauIdentity | null;
  rule: string;
  /** The provider said `email_verified: true`: only then may an existing local account be linked by e-mail. */
  emailVerified: boolean;
}

export type SsoAccountResult =
  | { ok: true; account: Account; created: boolean; changed: string[] }
  | { ok: false; code: "account_conflict" | "account_disabled" };

/** The fields the rules set; an admin's edit of one puts it in `manual_fields`. */
const RULE_FIELDS = ["name", "role", "tableau"] as const;

function ruleChanges(account: Account, profile: SsoProfile): Changes {
  const changes: Changes = {};
  for (const field of RULE_FIELDS) {
    if (account.manualFields.includes(field)) continue;
    const now = profile[field];
    if (JSON.stringify(account[field]) !== JSON.stringify(now)) changes[field] = [account[field], now];
  }
  return changes;
}

async function create(db: Kysely<Database>, profile: SsoProfile, at: string): Promise<Account> {
  const row = {
    id: randomUUID(),
    email: profile.email,
    name: profile.name,
    role: profile.role,
    password_hash: null,
    must_change_password: 0,
    disabled: 0,
    ...identityColumns(profile.tableau),
    source: "sso" as const,
    sso_issuer: profile.issuer,
    sso_subject: profile.subject,
    manual_fields: "[]",
    sso_rule: profile.rule,
    sso_synced_at: at,
    version: 1,
    created_at: at,
    updated_at: at,
    last_sign_in_at: at,
  };
  await db.insertInto("users").values(row).execute();
  await recordAudit(db, {
    actor: "sso",
    action: "user.sso-create",
    target: profile.email,
    changes: { role: [null, profile.role], tableau: [null, profile.tableau], rule: [null, profile.rule] },
    at,
  });
  return toAccount(row);
}

async function refresh(db: Kysely<Database>, account: Account, profile: SsoProfile, at: string) {
  const changes = ruleChanges(account, profile);
  const values: Record<string, unknown> = { sso_rule: profile.rule, sso_synced_at: at, last_sign_in_at: at };
  if (changes.name) values.name = profile.name;
  if (changes.role) values.role = profile.role;
  if (changes.tableau) Object.assign(values, identityColumns(profile.tableau));
  // The address follows the provider's, unless another account holds it (then the old one stays).
  if (profile.email !== account.email && !(await findAccountByEmail(db, profile.email))) {
    values.email = profile.email;
    changes.email = [account.email, profile.email];
  }
  if (!account.sso) {
    values.sso_issuer = profile.issuer;
    values.sso_subject = profile.subject;
    changes.sso = [null, `${profile.issuer} ${profile.subject}`];
  }
  if (account.ssoRule !== profile.rule) changes.rule = [account.ssoRule, profile.rule];
  const changed = Object.keys(changes);
  if (changed.length) {
    values.version = account.version + 1;
    values.updated_at = at;
  }
  await db.updateTable("users").set(values).where("id", "=", account.id).execute();
  if (changed.length) {
    const action = account.sso ? "user.sso-update" : "user.sso-link";
    await recordAudit(db, { actor: "sso", action, target: account.email, changes, at });
  }
  return changed;
}

async function signInOnce(db: Kysely<Database>, profile: SsoProfile): Promise<SsoAccountResult> {
  return writeTransaction(db, async (trx) => {
    const at = new Date().toISOString();
    let account = await findAccountBySso(trx, profile.issuer, profile.subject);
    if (!account) {
      const sameEmail = await findAccountByEmail(trx, profile.email);
      if (!sameEmail)
        return { ok: true, account: await create(trx, profile, at), created: true, changed: [] };
      // The same person's concurrent first sign-in may have committed between the two reads: their account.
      const samePerson =
        sameEmail.sso?.issuer === profile.issuer && sameEmail.sso.subject === profile.subject;
      // Linking by e-mail hands the account to whoever the provider vouches for: only for an unlinked account
      // and an address the provider itself verified.
      if (!samePerson && (sameEmail.sso || !profile.emailVerified))
        return { ok: false, code: "account_conflict" };
      account = sameEmail;
    }
    if (account.disabled) return { ok: false, code: "account_disabled" };
    const changed = await refresh(trx, account, profile, at);
    const updated = await findAccountBySso(trx, profile.issuer, profile.subject);
    return { ok: true, account: updated ?? account, created: false, changed };
  });
}

/**
 * Creates or refreshes the account of a single sign-on. Two first sign-ins of one person at once meet the
 * unique index: the loser tries again and finds the winner's account.
 */
export async function signInSsoAccount(db: Kysely<Database>, profile: SsoProfile): Promise<SsoAccountResult> {
  try {
    return await signInOnce(db, profile);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return signInOnce(db, profile);
  }
}

/** Gives fields back to the rules: they are set again at the person's next sign-in. */
export async function clearManualFields(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  actor: string,
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const row = await trx.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row || Number(row.version) !== expectedVersion) return false;
    const before = toAccount(row).manualFields;
    await trx
      .updateTable("users")
      .set({ manual_fields: "[]", version: expectedVersion + 1, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .execute();
    await recordAudit(trx, {
      actor,
      action: "user.manual-fields-cleared",
      target: row.email,
      changes: { manualFields: [before, []] },
    });
    return true;
  });
}
