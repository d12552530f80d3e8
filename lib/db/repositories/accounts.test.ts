import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DB_KINDS, migratedDb, type TestDb } from "../../../test/db";
import {
  createAccount,
  deleteAccount,
  findAccountByEmail,
  findAccountBySso,
  listAccounts,
  listMappedAccounts,
  updateAccount,
} from "./accounts";
import { listAudit } from "./audit";
import { AccountError } from "./errors";

describe.each(DB_KINDS)("accounts on %s", (kind) => {
  let test: TestDb;
  beforeAll(async () => {
    test = await migratedDb(kind);
  });
  afterAll(() => test.close());
  beforeEach(async () => {
    await test.db.deleteFrom("users").execute();
    await test.db.deleteFrom("audit").execute();
  });

  const ann = {
    email: " Ann@Example.com ",
    name: "Ann Lee",
    role: "viewer" as const,
    passwordHash: "scrypt$1$2$3$salt$hash",
    tableau: { username: "ann@example.com", attributes: { Region: ["East", "West"] }, groups: ["Sales"] },
  };

  it("creates an account and finds it by e-mail in any case, with its mapping", async () => {
    const created = await createAccount(test.db, ann, "alice@example.com");
    expect(created).toMatchObject({ email: "ann@example.com", version: 1, disabled: false, source: "local" });
    const found = await findAccountByEmail(test.db, "ANN@example.COM");
    expect(found?.tableau).toEqual(ann.tableau);
    expect(await findAccountByEmail(test.db, "nobody@example.com")).toBeNull();
  });

  it("refuses a second account for the same e-mail", async () => {
    await createAccount(test.db, ann, "cli");
    await expect(createAccount(test.db, { ...ann, email: "ANN@example.com" }, "cli")).rejects.toMatchObject({
      code: "EMAIL_TAKEN",
    });
  });

  it("finds single sign-on users by issuer and subject", async () => {
    const sso = { issuer: "https://idp.example.com", subject: "00u1" };
    await createAccount(test.db, { ...ann, passwordHash: null, source: "sso", sso }, "sso");
    expect((await findAccountBySso(test.db, sso.issuer, sso.subject))?.email).toBe("ann@example.com");
    expect(await findAccountBySso(test.db, "https://other.example.com", sso.subject)).toBeNull();
    await expect(
      createAccount(test.db, { ...ann, email: "ann2@example.com", source: "sso", sso }, "sso"),
    ).rejects.toMatchObject({ code: "SSO_IDENTITY_TAKEN" });
  });

  it("searches e-mail, name and Tableau username in any case, and pages", async () => {
    for (let i = 0; i < 30; i++)
      await createAccount(
        test.db,
        { ...ann, email: `user${String(i).padStart(2, "0")}@example.com`, name: `User ${i}` },
        "cli",
      );
    await createAccount(
      test.db,
      { ...ann, email: "zed@corp.example", name: "Zed 100%_done", tableau: null },
      "cli",
    );
    const first = await listAccounts(test.db, { pageSize: 25 });
    expect(first.total).toBe(31);
    expect(first.rows).toHaveLength(25);
    expect((await listAccounts(test.db, { pageSize: 25, page: 2 })).rows).toHaveLength(6);
    expect((await listAccounts(test.db, { search: "USER1" })).total).toBe(10);
    expect((await listAccounts(test.db, { search: "corp" })).rows.map((a) => a.email)).toEqual([
      "zed@corp.example",
    ]);
    // LIKE's own wildcards are literal in a search.
    expect((await listAccounts(test.db, { search: "100%_" })).total).toBe(1);
    expect((await listAccounts(test.db, { search: "%" })).total).toBe(1);
    expect((await listMappedAccounts(test.db)).length).toBe(30);
  });

  it("updates against the version read, refuses a stale edit, and audits what changed", async () => {
    const created = await createAccount(test.db, ann, "cli");
    const updated = await updateAccount(
      test.db,
      created.id,
      1,
      { role: "admin", tableau: { username: "ann@example.com", attributes: { Region: "East" }, groups: [] } },
      "alice@example.com",
    );
    expect(updated).toMatchObject({ role: "admin", version: 2 });
    // Another admin's edit made against version 1 is refused, and changes nothing.
    const stale = await updateAccount(test.db, created.id, 1, { role: "viewer" }, "bob@example.com").catch(
      (e: unknown) => e,
    );
    expect(stale).toBeInstanceOf(AccountError);
    expect((stale as AccountError).code).toBe("STALE_EDIT");
    expect((stale as AccountError).message).toContain("changed by someone else");
    expect((await findAccountByEmail(test.db, ann.email))?.role).toBe("admin");
    const audit = await listAudit(test.db, { target: "ann@example.com" });
    expect(audit.map((e) => e.action)).toEqual(["user.update", "user.create"]);
    expect(audit[0]).toMatchObject({ actor: "alice@example.com", changes: { role: ["viewer", "admin"] } });
  });

  it("lets exactly one of two concurrent edits of the same version through", async () => {
    const created = await createAccount(test.db, ann, "cli");
    // PostgreSQL: a second pool, as another instance has. SQLite: the process's one connection, which queues
    // them (another process would wait for the write lock, see lib/db/write.ts).
    const other = kind === "postgres" ? test.open() : test.db;
    const results = await Promise.allSettled([
      updateAccount(test.db, created.id, 1, { name: "Ann A" }, "a"),
      updateAccount(other, created.id, 1, { name: "Ann B" }, "b"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult | undefined;
    expect((rejected?.reason as AccountError | undefined)?.code).toBe("STALE_EDIT");
    expect((await findAccountByEmail(test.db, ann.email))?.version).toBe(2);
  });

  it("never writes a password to the audit trail", async () => {
    const created = await createAccount(test.db, ann, "cli");
    await updateAccount(
      test.db,
      created.id,
      1,
      { passwordHash: "scrypt$new$hash", mustChangePassword: true },
      "alice",
      "user.password_reset",
    );
    const entries = await listAudit(test.db, { target: "ann@example.com" });
    const text = JSON.stringify(entries);
    expect(text).not.toContain("scrypt$");
    expect(entries[0]).toMatchObject({
      action: "user.password_reset",
      changes: { passwordHash: ["set", "set"] },
    });
  });

  it("disables, and deletes against the version read", async () => {
    const created = await createAccount(test.db, ann, "cli");
    const disabled = await updateAccount(test.db, created.id, 1, { disabled: true }, "alice", "user.disable");
    expect(disabled.disabled).toBe(true);
    await expect(deleteAccount(test.db, created.id, 1, "alice")).rejects.toMatchObject({
      code: "STALE_EDIT",
    });
    await deleteAccount(test.db, created.id, 2, "alice");
    expect(await findAccountByEmail(test.db, ann.email)).toBeNull();
    await expect(deleteAccount(test.db, created.id, 2, "alice")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
