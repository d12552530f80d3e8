import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DB_KINDS, migratedDb, type TestDb } from "../../../test/db";
import { SsoRulesError } from "../../sso";
import { listAudit } from "./audit";
import { AccountError } from "./errors";
import { loadSsoRules, saveSsoRules, seedSsoRules, SSO_RULES_TARGET } from "./sso-rules";

const DEMO = readFileSync("data/sso-rules.demo.json", "utf8");
const ONE_RULE = JSON.stringify({
  version: 1,
  rules: [{ name: "Everyone", match: { always: true }, role: "viewer" }],
});

describe.each(DB_KINDS)("stored SSO rules on %s", (kind) => {
  let test: TestDb;
  beforeAll(async () => {
    test = await migratedDb(kind);
  });
  afterAll(() => test.close());
  // A second instance's connection. Not on SQLite in one process: better-sqlite3 waits for a lock synchronously,
  // so the first connection could never finish its transaction; one connection there serialises the race.
  const second = () => (kind === "postgres" ? test.open() : test.db);
  beforeEach(async () => {
    await test.db.deleteFrom("sso_rules").execute();
    await test.db.deleteFrom("audit").execute();
  });

  it("seeds the file's rules once, even from two instances at once, and never over stored rules", async () => {
    expect(await loadSsoRules(test.db)).toBeNull();
    const seeded = await Promise.all([
      seedSsoRules(test.db, DEMO, "file:sso-rules.demo.json"),
      seedSsoRules(second(), DEMO, "file:sso-rules.demo.json"),
    ]);
    expect(seeded.filter(Boolean)).toHaveLength(1);
    const stored = await loadSsoRules(test.db);
    expect(stored).toMatchObject({ version: 1, updatedBy: "file:sso-rules.demo.json" });
    expect(stored?.rules.rules.map((r) => r.name)).toEqual([
      "Portal admins",
      "Sales viewers",
      "Everyone else at Corp",
    ]);
    expect(await seedSsoRules(test.db, ONE_RULE, "file:other.json")).toBe(false);
    expect((await loadSsoRules(test.db))?.document).toBe(DEMO);
  });

  it("refuses to seed a bad file", async () => {
    await expect(seedSsoRules(test.db, "{", "file:bad.json")).rejects.toBeInstanceOf(SsoRulesError);
    expect(await loadSsoRules(test.db)).toBeNull();
  });

  it("saves versioned and audited edits, refusing a stale one and an invalid one", async () => {
    const first = await saveSsoRules(test.db, DEMO, 0, "alice@corp.example");
    expect(first.version).toBe(1);
    const second = await saveSsoRules(test.db, ONE_RULE, 1, "alice@corp.example");
    expect(second).toMatchObject({ version: 2, updatedBy: "alice@corp.example" });
    await expect(saveSsoRules(test.db, DEMO, 1, "carol@corp.example")).rejects.toMatchObject({
      code: "STALE_EDIT",
    });
    await expect(saveSsoRules(test.db, DEMO, 0, "carol@corp.example")).rejects.toBeInstanceOf(AccountError);
    const invalid = JSON.stringify({ version: 1, rules: [{ name: "x", match: {}, role: "boss" }] });
    const refused = await saveSsoRules(test.db, invalid, 2, "alice@corp.example").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SsoRulesError);
    expect((refused as SsoRulesError).problems.join("\n")).toContain('rules[0] "x": role');
    expect((await loadSsoRules(test.db))?.version).toBe(2);
    const history = await listAudit(test.db, { target: SSO_RULES_TARGET });
    expect(history.map((e) => [e.action, e.changes.version])).toEqual([
      ["sso-rules.update", [1, 2]],
      ["sso-rules.update", [0, 1]],
    ]);
    // The earlier document can be read back from the trail.
    expect(history[0]?.changes.document?.[0]).toBe(DEMO);
  });

  it("lets only one of two first saves win", async () => {
    const results = await Promise.allSettled([
      saveSsoRules(test.db, DEMO, 0, "a@corp.example"),
      saveSsoRules(second(), ONE_RULE, 0, "b@corp.example"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "STALE_EDIT" });
  });
});
