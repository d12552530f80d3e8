import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VALID_ENV } from "../../test/valid-env";
import { openDatabase } from "../db/dialect";
import { migrateToLatest } from "../db/migrate";
import { createAccount } from "../db/repositories/accounts";
import { parseDirectory } from "../directory/file";
import { hashPassword } from "../directory/password";
import { resetSharedState } from "../store";

const SECRET = "a-connected-app-secret-that-must-never-be-printed";
const OWN_AUTH_SECRET = "an-operator-generated-session-secret-00000001";
const EXAMPLE_AUTH_SECRET = "change-me-to-a-long-random-string-0123456789abcdef";
const dir = mkdtempSync(join(tmpdir(), "vizport-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database file holding these accounts, each with its own password or a given hash. */
async function database(users: Array<{ email: string; password?: string; hash?: string }>): Promise<string> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.db`);
  const db = openDatabase({ kind: "sqlite", file });
  await migrateToLatest(db as Kysely<unknown>, "sqlite");
  for (const { email, password, hash } of users)
    await createAccount(
      db,
      {
        email,
        name: email,
        role: "viewer",
        passwordHash: hash ?? (await hashPassword(password ?? "own-pw-1")),
      },
      "test",
    );
  await db.destroy();
  return file;
}

const demoHash = (email: string) =>
  parseDirectory(readFileSync("data/directory.json", "utf8"), "data/directory.json").users.find(
    (u) => u.email === email,
  )?.passwordHash;

function stubEnv(env: Record<string, string>): void {
  for (const [name, value] of Object.entries({ ...VALID_ENV, TABLEAU_CA_SECRET_VALUE: SECRET, ...env }))
    vi.stubEnv(name, value);
}

async function runCheck(): Promise<{ exitCode?: number; printed: string[] }> {
  const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
    throw new Error(`exit ${code}`);
  }) as typeof process.exit);
  const printed = vi.spyOn(console, "error").mockImplementation(() => undefined);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const { checkConfigOrExit } = await import("./check-config");
  let exitCode: number | undefined;
  await checkConfigOrExit().catch((error: Error) => {
    exitCode = Number(error.message.replace("exit ", ""));
  });
  expect(exit.mock.calls.length).toBe(exitCode === undefined ? 0 : 1);
  return { exitCode, printed: printed.mock.calls.map((call) => String(call[0])) };
}

beforeEach(() => {
  vi.resetModules();
  vi.unstubAllEnvs();
  resetSharedState();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("checkConfigOrExit", () => {
  it("stops start-up with exit code 1 and one message naming the bad variables, never a value", async () => {
    vi.stubEnv("TABLEAU_SERVER", "not-a-url");
    vi.stubEnv("TABLEAU_CA_SECRET_VALUE", SECRET);
    vi.stubEnv("AUTH_SECRET", "short");
    const { exitCode, printed } = await runCheck();
    expect(exitCode).toBe(1);
    expect(printed).toHaveLength(1);
    const message = printed[0] ?? "";
    expect(message).toMatch(/^Vizport cannot start\./);
    expect(message).toContain("TABLEAU_SERVER");
    expect(message).toContain("AUTH_SECRET");
    expect(message).not.toContain(SECRET);
    expect(message).not.toContain("not-a-url");
  });

  it("returns quietly when the configuration is valid, creating and migrating a new database", async () => {
    stubEnv({ VIZPORT_DATABASE_FILE: join(dir, "first-start.db") });
    expect(await runCheck()).toEqual({ exitCode: undefined, printed: [] });
  });

  it("refuses a production start with the example AUTH_SECRET, naming the variable, not its value", async () => {
    stubEnv({
      NODE_ENV: "production",
      AUTH_SECRET: EXAMPLE_AUTH_SECRET,
      VIZPORT_DATABASE_FILE: await database([{ email: "a@example.com" }]),
    });
    const { exitCode, printed } = await runCheck();
    expect(exitCode).toBe(1);
    expect(printed[0]).toContain("AUTH_SECRET is a value published in Vizport's repository");
    expect(printed[0]).not.toContain(EXAMPLE_AUTH_SECRET);
  });

  it("refuses a production start with the demo identity provider's client secret, without printing it", async () => {
    stubEnv({
      NODE_ENV: "production",
      AUTH_SECRET: OWN_AUTH_SECRET,
      AUTH_OIDC_ISSUER: "https://login.example.com",
      AUTH_OIDC_ID: "vizport",
      AUTH_OIDC_SECRET: "vizport-demo-oidc-client-secret",
      VIZPORT_DATABASE_FILE: await database([{ email: "a@example.com" }]),
    });
    const { exitCode, printed } = await runCheck();
    expect(exitCode).toBe(1);
    expect(printed[0]).toContain("AUTH_OIDC_SECRET is the demo identity provider's client secret");
    expect(printed[0]).not.toContain("vizport-demo-oidc-client-secret");
    vi.restoreAllMocks();
    vi.stubEnv("AUTH_OIDC_SECRET", "a-client-secret-issued-by-a-real-provider-01");
    vi.resetModules();
    resetSharedState();
    expect((await runCheck()).exitCode).toBeUndefined();
  });

  it("stops on a bad SSO rules file, listing its problems, and seeds an empty rules table from a good one", async () => {
    const bad = join(dir, "bad-rules.json");
    writeFileSync(
      bad,
      JSON.stringify({ version: 1, rules: [{ name: "x", match: { always: true }, role: "boss" }] }),
    );
    const file = await database([]);
    stubEnv({ AUTH_SECRET: OWN_AUTH_SECRET, VIZPORT_DATABASE_FILE: file, VIZPORT_SSO_RULES_FILE: bad });
    const refused = await runCheck();
    expect(refused.exitCode).toBe(1);
    expect(refused.printed[0]).toContain("VIZPORT_SSO_RULES_FILE: ");
    expect(refused.printed[0]).toContain('rules[0] "x": role');

    vi.restoreAllMocks();
    vi.resetModules();
    resetSharedState();
    vi.stubEnv("VIZPORT_SSO_RULES_FILE", "data/sso-rules.demo.json");
    expect((await runCheck()).exitCode).toBeUndefined();
    const db = openDatabase({ kind: "sqlite", file });
    const rows = await db.selectFrom("sso_rules").select(["version", "updated_by"]).execute();
    await db.destroy();
    expect(rows).toEqual([{ version: 1, updated_by: "file:sso-rules.demo.json" }]);
  });

  it("refuses a production start while an account has the published demo password", async () => {
    stubEnv({
      NODE_ENV: "production",
      AUTH_SECRET: OWN_AUTH_SECRET,
      VIZPORT_DATABASE_FILE: await database([
        { email: "ok@example.com" },
        // Imported from the demo directory: the published hash itself.
        { email: "ops@example.com", hash: demoHash("alice@example.com") },
        // A demo account whose password was set to the demo password again (a new salt).
        { email: "bob@example.com", password: "vizport-demo" },
      ]),
    });
    const { exitCode, printed } = await runCheck();
    expect(exitCode).toBe(1);
    expect(printed[0]).toContain("published demo password");
    expect(printed[0]).toContain("bob@example.com, ops@example.com");
    expect(printed[0]).not.toContain("ok@example.com");
  });

  it("accepts both in demo mode (VIZPORT_DEMO=1), and outside production", async () => {
    const file = await database([{ email: "bob@example.com", password: "vizport-demo" }]);
    stubEnv({
      NODE_ENV: "production",
      VIZPORT_DEMO: "1",
      AUTH_SECRET: EXAMPLE_AUTH_SECRET,
      VIZPORT_DATABASE_FILE: file,
    });
    expect((await runCheck()).exitCode).toBeUndefined();
    vi.resetModules();
    resetSharedState();
    vi.unstubAllEnvs();
    stubEnv({ NODE_ENV: "development", AUTH_SECRET: EXAMPLE_AUTH_SECRET, VIZPORT_DATABASE_FILE: file });
    expect((await runCheck()).exitCode).toBeUndefined();
  });

  it("stops start-up when the database cannot be opened, naming it without its password", async () => {
    stubEnv({ DATABASE_URL: "postgres://vizport:hunter2-secret@127.0.0.1:1/vizport" });
    const { exitCode, printed } = await runCheck();
    expect(exitCode).toBe(1);
    expect(printed[0]).toContain("The database, PostgreSQL (127.0.0.1:1/vizport), cannot be opened");
    expect(printed[0]).not.toContain("hunter2");
  });
});
