/**
 * Portal accounts and their Tableau mapping. Every function takes the Kysely instance, so the same code (and the
 * same tests) run on SQLite and PostgreSQL. Each change is written with its audit entry in one transaction, and
 * bumps the row's version: an update or delete names the version it was made against and is refused as stale
 * when someone else changed the account in between.
 */
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { writeTransaction } from "../write";
import { recordAudit, type Changes } from "./audit";
import { identityColumns, toAccount, type Account, type AccountPatch, type NewAccount } from "./account-rows";
import { AccountError, isUniqueViolation } from "./errors";

export { identityColumns, toAccount, type Account, type AccountPatch, type NewAccount } from "./account-rows";

const normalEmail = (email: string) => email.trim().toLowerCase();

export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<Account | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", normalEmail(email))
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findAccountById(db: Kysely<Database>, id: string): Promise<Account | null> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? toAccount(row) : null;
}

export async function findAccountBySso(
  db: Kysely<Database>,
  issuer: string,
  subject: string,
): Promise<Account | null> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("sso_issuer", "=", issuer)
    .where("sso_subject", "=", subject)
    .executeTakeFirst();
  return row ? toAccount(row) : null;
}

export interface AccountPage {
  rows: Account[];
  total: number;
}

/** A page of accounts by e-mail, those whose e-mail or name contains `search` (any case). */
export async function listAccounts(
  db: Kysely<Database>,
  options: { search?: string; page?: number; pageSize?: number } = {},
): Promise<AccountPage> {
  const pageSize = options.pageSize ?? 25;
  const page = Math.max(1, options.page ?? 1);
  const search = (options.search ?? "").trim().toLowerCase();
  // LIKE's own wildcards in the search are matched literally.
  const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db.selectFrom("users");
  if (search)
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(email)`, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(name)`, "like", sql`${pattern} escape '\\'`),
        eb(sql`lower(coalesce(tableau_username, ''))`, "like", sql`${pattern} escape '\\'`),
      ]),
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy("email")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toAccount), total: Number(count.n) };
}

/** Every account with a Tableau username, for checking all mappings against the site. */
export async function listMappedAccounts(db: Kysely<Database>): Promise<Account[]> {
  const rows = await db
    .selectFrom("users")
    .selectAll()
    .where("tableau_username", "is not", null)
    .orderBy("email")
    .execute();
  return rows.map(toAccount);
}

export async function countAccounts(db: Kysely<Database>): Promise<number> {
  const { n } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** What an audit entry says of a change: each field's before and after, a password only as "set". */
function describeChanges(before: Partial<Account>, after: Partial<Account>): Changes {
  const changes: Changes = {};
  for (const field of Object.keys(after) as Array<keyof Account>) {
    const was = before[field] ?? null;
    const now = after[field] ?? null;
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes[field] = field === "passwordHash" ? [was ? "set" : null, now ? "set" : null] : [was, now];
  }
  return changes;
}

export async function createAccount(
  db: Kysely<Database>,
  input: NewAccount,
  actor: string,
): Promise<Account> {
  const now = new Date().toISOString();
  const row = {
    id: randomUUID(),
    email: normalEmail(input.email),
    name: input.name.trim(),
    role: input.role,
    password_hash: input.passwordHash ?? null,
    must_change_password: input.mustChangePassword ? 1 : 0,
    disabled: 0,
    ...identityColumns(input.tableau),
    source: input.source ?? "local",
    sso_issuer: input.sso?.issuer ?? null,
    sso_subject: input.sso?.subject ?? null,
    manual_fields: JSON.stringify(input.manualFields ?? []),
    sso_rule: null,
    sso_synced_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
  };
  try {
    await writeTransaction(db, async (trx) => {
      await trx.insertInto("users").values(row).execute();
      const created = toAccount(row);
      await recordAudit(trx, {
        actor,
        action: "user.create",
        target: created.email,
        changes: describeChanges(
          {},
          {
            name: created.name,
            role: created.role,
            tableau: created.tableau,
            passwordHash: created.passwordHash,
          },
        ),
        at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const taken = await findAccountByEmail(db, row.email);
      if (taken) throw new AccountError("EMAIL_TAKEN", `There is already an account for ${row.email}.`);
      throw new AccountError("SSO_IDENTITY_TAKEN", "That single sign-on identity already has an account.");
    }
    throw error;
  }
  return toAccount(row);
}

export async function updateAccount(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  patch: AccountPatch,
  actor: string,
  action = "user.update",
): Promise<Account> {
  return writeTransaction(db, async (trx) => {
    const current = await findAccountById(trx, id);
    if (!current) throw new AccountError("NOT_FOUND", "That account no longer exists.");
    if (current.version !== expectedVersion) throw staleEdit(current.email);
    const now = new Date().toISOString();
    const values: Record<string, unknown> = { version: expectedVersion + 1, updated_at: now };
    if (patch.name !== undefined) values.name = patch.name.trim();
    if (patch.role !== undefined) values.role = patch.role;
    if (patch.passwordHash !== undefined) values.password_hash = patch.passwordHash;
    if (patch.mustChangePassword !== undefined)
      values.must_change_password = patch.mustChangePassword ? 1 : 0;
    if (patch.disabled !== undefined) values.disabled = patch.disabled ? 1 : 0;
    if (patch.tableau !== undefined) Object.assign(values, identityColumns(patch.tableau));
    if (patch.manualFields !== undefined) values.manual_fields = JSON.stringify(patch.manualFields);
    const result = await trx
      .updateTable("users")
      .set(values)
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw staleEdit(current.email);
    const { manualFields: _manual, ...audited } = patch;
    const changes = describeChanges(current, audited);
    if (Object.keys(changes).length)
      await recordAudit(trx, { actor, action, target: current.email, changes, at: now });
    const updated = await findAccountById(trx, id);
    if (!updated) throw new AccountError("NOT_FOUND", "That account no longer exists.");
    return updated;
  });
}

export async function deleteAccount(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  actor: string,
): Promise<Account> {
  return writeTransaction(db, async (trx) => {
    const current = await findAccountById(trx, id);
    if (!current) throw new AccountError("NOT_FOUND", "That account no longer exists.");
    const result = await trx
      .deleteFrom("users")
      .where("id", "=", id)
      .where("version", "=", expectedVersion)
      .executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw staleEdit(current.email);
    await recordAudit(trx, { actor, action: "user.delete", target: current.email });
    return current;
  });
}

/** Notes a successful sign-in (not audited: the audit log line already says so). */
export async function recordSignIn(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ last_sign_in_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
}

function staleEdit(email: string): AccountError {
  return new AccountError(
    "STALE_EDIT",
    `${email} was changed by someone else after you opened it. Reload the page to see the changes, then make yours again.`,
  );
}
