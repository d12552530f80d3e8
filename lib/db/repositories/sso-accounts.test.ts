import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DB_KINDS, migratedDb, type TestDb } from "../../../test/db";
import { createAccount, findAccountBySso, updateAccount } from "./accounts";
import { listAudit } from "./audit";
import { clearManualFields, signInSsoAccount, type SsoProfile } from "./sso-accounts";

describe.each(DB_KINDS)("single sign-on accounts on %s", (kind) => {
  let test: TestDb;
  beforeAll(async () => {
    test = await migratedDb(kind);
  });
  afterAll(() => test.close());
  // A second instance's connection. Not on SQLite in one process: better-sqlite3 waits for a lock synchronously,
  // so the first connection could never finish its transaction; one connection there serialises the race.
  const second = () => (kind === "postgres" ? test.open() : test.db);
  beforeEach(async () => {
    await test.db.deleteFrom("users").execute();
    await test.db.deleteFrom("audit").execute();
  });

  const bob: SsoProfile = {
    issuer: "http://localhost:9301",
    subject: "8f41d2e7-demo-bob",
    email: "bob@corp.example",
    name: "Bob Viewer",
    role: "viewer",
    tableau: { username: "bob@example.com", attributes: { Region: "West" }, groups: ["Sales"] },
    rule: "Sales viewers",
    emailVerified: true,
  };

  it("creates the account at the first sign-in, keyed by issuer and subject, with no password", async () => {
    const first = await signInSsoAccount(test.db, bob);
    expect(first).toMatchObject({ ok: true, created: true });
    const account = await findAccountBySso(test.db, bob.issuer, bob.subject);
    expect(account).toMatchObject({
      email: "bob@corp.example",
      source: "sso",
      passwordHash: null,
      role: "viewer",
      tableau: bob.tableau,
      ssoRule: "Sales viewers",
    });
    expect(account?.lastSignInAt).not.toBeNull();
    // The same subject at another issuer is another person.
    const other = await signInSsoAccount(test.db, {
      ...bob,
      issuer: "https://other.example",
      email: "b@x.example",
    });
    expect(other).toMatchObject({ ok: true, created: true });
    expect((await listAudit(test.db)).map((e) => e.action)).toEqual(["user.sso-create", "user.sso-create"]);
  });

  it("applies the rules' new answer at the next sign-in, audited, and leaves an unchanged account alone", async () => {
    await signInSsoAccount(test.db, bob);
    const same = await signInSsoAccount(test.db, bob);
    expect(same).toMatchObject({ ok: true, created: false, changed: [] });
    const promoted = await signInSsoAccount(test.db, {
      ...bob,
      role: "admin",
      tableau: { username: "bob@example.com", attributes: {}, groups: ["Portal Admins"] },
      rule: "Portal admins",
    });
    expect(promoted).toMatchObject({ ok: true, changed: ["role", "tableau", "rule"] });
    const account = await findAccountBySso(test.db, bob.issuer, bob.subject);
    expect(account).toMatchObject({ role: "admin", version: 2, ssoRule: "Portal admins" });
    expect(account?.tableau?.attributes).toEqual({});
    const [entry] = await listAudit(test.db);
    expect(entry).toMatchObject({ actor: "sso", action: "user.sso-update", target: "bob@corp.example" });
    expect(entry?.changes.role).toEqual(["viewer", "admin"]);
  });

  it("keeps the fields an admin set by hand, and hands them back when asked", async () => {
    await signInSsoAccount(test.db, bob);
    const account = await findAccountBySso(test.db, bob.issuer, bob.subject);
    if (!account) throw new Error("no account");
    await updateAccount(
      test.db,
      account.id,
      1,
      { role: "admin", manualFields: ["role"] },
      "alice@corp.example",
    );
    const next = await signInSsoAccount(test.db, { ...bob, name: "Bob V." });
    expect(next).toMatchObject({ ok: true, changed: ["name"] });
    expect(await findAccountBySso(test.db, bob.issuer, bob.subject)).toMatchObject({
      role: "admin",
      name: "Bob V.",
      manualFields: ["role"],
    });
    const current = await findAccountBySso(test.db, bob.issuer, bob.subject);
    expect(await clearManualFields(test.db, account.id, current?.version ?? 0, "alice@corp.example")).toBe(
      true,
    );
    expect(await clearManualFields(test.db, account.id, current?.version ?? 0, "alice@corp.example")).toBe(
      false,
    );
    await signInSsoAccount(test.db, bob);
    expect(await findAccountBySso(test.db, bob.issuer, bob.subject)).toMatchObject({ role: "viewer" });
  });

  it("refuses a disabled account", async () => {
    await signInSsoAccount(test.db, bob);
    const account = await findAccountBySso(test.db, bob.issuer, bob.subject);
    await updateAccount(test.db, account?.id ?? "", 1, { disabled: true }, "alice@corp.example");
    expect(await signInSsoAccount(test.db, { ...bob, role: "admin" })).toEqual({
      ok: false,
      code: "account_disabled",
    });
    expect((await findAccountBySso(test.db, bob.issuer, bob.subject))?.role).toBe("viewer");
  });

  it("links a local account with the same address only when the provider verified it", async () => {
    await createAccount(test.db, { email: "bob@corp.example", name: "Bob", role: "viewer" }, "cli");
    expect(await signInSsoAccount(test.db, { ...bob, emailVerified: false })).toEqual({
      ok: false,
      code: "account_conflict",
    });
    const linked = await signInSsoAccount(test.db, bob);
    expect(linked).toMatchObject({ ok: true, created: false });
    expect((await listAudit(test.db))[0]?.action).toBe("user.sso-link");
    // Now linked to bob's subject, the address cannot be taken over by another subject.
    expect(await signInSsoAccount(test.db, { ...bob, subject: "someone-else" })).toEqual({
      ok: false,
      code: "account_conflict",
    });
  });

  it("makes one account when the same person's first sign-ins race", async () => {
    const results = await Promise.all([signInSsoAccount(test.db, bob), signInSsoAccount(second(), bob)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.created)).toHaveLength(1);
    const { n } = await test.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(1);
  });
});
