/**
 * The single sign-on rules in the database: one document (row id 1), checked by lib/sso's schema before it is
 * stored, versioned (an edit made against an older version is refused) and audited with the documents before
 * and after, so any earlier set of rules can be read back and restored.
 */
import type { Kysely } from "kysely";
import { parseSsoRules, type SsoRules } from "../../sso";
import type { Database } from "../schema";
import { writeTransaction } from "../write";
import { recordAudit } from "./audit";
import { AccountError, isUniqueViolation } from "./errors";

const ROW_ID = 1;
export const SSO_RULES_TARGET = "sso-rules";

export interface StoredSsoRules {
  rules: SsoRules;
  /** The document as an admin or the file wrote it. */
  document: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** The stored rules, or null when there are none yet. Throws SsoRulesError if the stored text is bad. */
export async function loadSsoRules(db: Kysely<Database>): Promise<StoredSsoRules | null> {
  const row = await db.selectFrom("sso_rules").selectAll().where("id", "=", ROW_ID).executeTakeFirst();
  if (!row) return null;
  return {
    rules: parseSsoRules(row.document, "the stored SSO rules"),
    document: row.document,
    version: Number(row.version),
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * Stores the rules if there are none yet (first start with VIZPORT_SSO_RULES_FILE). Returns true when it did;
 * two instances starting together store them once.
 */
export async function seedSsoRules(db: Kysely<Database>, document: string, source: string): Promise<boolean> {
  parseSsoRules(document, source);
  const at = new Date().toISOString();
  try {
    return await writeTransaction(db, async (trx) => {
      const inserted = await trx
        .insertInto("sso_rules")
        .values({ id: ROW_ID, document, version: 1, updated_at: at, updated_by: source })
        .onConflict((oc) => oc.column("id").doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) return false;
      await recordAudit(trx, {
        actor: "system",
        action: "sso-rules.seed",
        target: SSO_RULES_TARGET,
        changes: { document: [null, document], source: [null, source] },
        at,
      });
      return true;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Replaces the rules. `expectedVersion` is the version the editor started from (0: there were none). Throws
 * SsoRulesError when the document is not valid, AccountError STALE_EDIT when someone saved in between.
 */
export async function saveSsoRules(
  db: Kysely<Database>,
  document: string,
  expectedVersion: number,
  actor: string,
): Promise<StoredSsoRules> {
  const rules = parseSsoRules(document);
  const stale = () =>
    new AccountError(
      "STALE_EDIT",
      "Someone else saved the rules after you opened them. Reload the page to see theirs, then make your change again.",
    );
  try {
    return await save(db, document, rules, expectedVersion, actor, stale);
  } catch (error) {
    // Two first saves at once: the second insert meets the first's row.
    if (isUniqueViolation(error)) throw stale();
    throw error;
  }
}

async function save(
  db: Kysely<Database>,
  document: string,
  rules: SsoRules,
  expectedVersion: number,
  actor: string,
  stale: () => AccountError,
): Promise<StoredSsoRules> {
  return writeTransaction(db, async (trx) => {
    const current = await trx.selectFrom("sso_rules").selectAll().where("id", "=", ROW_ID).executeTakeFirst();
    const version = current ? Number(current.version) : 0;
    if (version !== expectedVersion) throw stale();
    const at = new Date().toISOString();
    const values = { document, version: version + 1, updated_at: at, updated_by: actor };
    if (current) await trx.updateTable("sso_rules").set(values).where("id", "=", ROW_ID).execute();
    else
      await trx
        .insertInto("sso_rules")
        .values({ id: ROW_ID, ...values })
        .execute();
    await recordAudit(trx, {
      actor,
      action: "sso-rules.update",
      target: SSO_RULES_TARGET,
      changes: { document: [current?.document ?? null, document], version: [version, version + 1] },
      at,
    });
    return { rules, document, version: version + 1, updatedAt: at, updatedBy: actor };
  });
}
