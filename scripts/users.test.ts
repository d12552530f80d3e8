import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../lib/db/dialect";
import { findAccountByEmail } from "../lib/db/repositories/accounts";
import { listAudit } from "../lib/db/repositories/audit";
import type { Database } from "../lib/db/schema";
import { verifyPasswordHash } from "../lib/directory/password";
import { CliError } from "./cli-db";
import { dbCli } from "./db/cli";
import { usersCli } from "./users/cli";

const dir = mkdtempSync(join(tmpdir(), "vizport-users-"));
const file = join(dir, "vizport.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One `npm run users` command, in-process: its status and what it printed. */
async function users(args: string[], password = "", env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  try {
    await usersCli(
      args,
      { VIZPORT_DATABASE_FILE: file, ...env },
      {
        readPassword: async () => password,
        out: (line) => out.push(line),
        err: (line) => err.push(line),
      },
    );
    return { status: 0, stdout: out.join("\n"), stderr: err.join("\n") };
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    return { status: 1, stdout: out.join("\n"), stderr: error.message };
  }
}

async function withDb<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const db = openDatabase({ kind: "sqlite", file });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

describe("npm run users (over the database)", () => {
  it("adds a mapped user with a hashed password, lists it, changes the password, removes it", async () => {
    const args = ["add", "Ann@Example.com", "--name", "Ann Lee", "--tableau-user", "ann@example.com"];
    const flags = ["--attr", "Region=East", "--attr", "Region=West", "--group", "Sales"];
    expect(await users([...args, ...flags], "first-password")).toMatchObject({
      status: 0,
      stdout: "added ann@example.com",
    });
    const ann = await withDb((db) => findAccountByEmail(db, "ann@example.com"));
    expect(ann).toMatchObject({
      name: "Ann Lee",
      role: "viewer",
      tableau: { username: "ann@example.com", attributes: { Region: ["East", "West"] }, groups: ["Sales"] },
    });
    expect(await verifyPasswordHash(ann?.passwordHash ?? "", "first-password")).toBe(true);

    expect((await users(["list"])).stdout).toContain("ann@example.com\tviewer\tAnn Lee\t→ ann@example.com");
    expect(await users(["passwd", "ann@example.com"], "second-password")).toMatchObject({ status: 0 });
    const changed = await withDb((db) => findAccountByEmail(db, "ann@example.com"));
    expect(await verifyPasswordHash(changed?.passwordHash ?? "", "second-password")).toBe(true);
    expect((await users(["remove", "ann@example.com"])).status).toBe(0);
    const audit = await withDb((db) => listAudit(db, { target: "ann@example.com" }));
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([
      ["cli", "user.delete"],
      ["cli", "user.password_change"],
      ["cli", "user.create"],
    ]);
  });

  it("imports a directory file, keeping accounts already there", async () => {
    const first = await users(["import", "data/directory.json"]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^imported 5 \(alice@example\.com, bob@example\.com/);
    expect((await users(["import", "data/directory.json"])).stdout).toBe(
      "imported 0 (none); kept 5 already there",
    );
    expect(await users(["import", "no/such/file.json"])).toMatchObject({
      status: 1,
      stderr: "no/such/file.json cannot be read",
    });
  });

  it("refuses bad input with a message, changing nothing", async () => {
    const cases: Array<[string[], string, RegExp, Record<string, string>?]> = [
      [["add", "not-an-email", "--name", "X"], "password-123", /Enter an e-mail address/],
      [
        ["add", "x@example.com", "--name", "X", "--role", "root"],
        "password-123",
        /role is "admin" or "viewer"/,
      ],
      [
        ["add", "x@example.com", "--name", "X", "--tableau-user", "x", "--attr", "sub=alice"],
        "password-123",
        /registered token claim/,
      ],
      [["add", "x@example.com", "--name", "X", "--attr", "oops"], "password-123", /Name=value/],
      [["add", "x@example.com", "--name", "X"], "short", /at least 8 characters/],
      [["add", "x@example.com", "--name", "X"], "vizport-demo", /published demo password/],
      [["add", "alice@example.com", "--name", "Again"], "password-123", /already an account/],
      [["passwd", "nobody@example.com"], "password-123", /no account for nobody@example\.com/],
      [["frobnicate"], "", /unknown command/],
      [["list"], "", /DATABASE_URL must be a PostgreSQL URL/, { DATABASE_URL: "mysql://x" }],
    ];
    for (const [args, password, message, env] of cases) {
      const result = await users(args, password, env);
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toMatch(message);
    }
    expect(await withDb((db) => findAccountByEmail(db, "x@example.com"))).toBeNull();
    // In demo mode the demo password is allowed.
    expect(
      (await users(["add", "demo@example.com", "--name", "Demo"], "vizport-demo", { VIZPORT_DEMO: "1" }))
        .status,
    ).toBe(0);
  });

  it("is wired to `npm run users`: a real process prints and exits as the commands say", () => {
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "scripts/users.ts", ...args], {
        input: "",
        encoding: "utf8",
        env: { ...process.env, VIZPORT_DATABASE_FILE: file },
      });
    expect(run(["list"]).stdout).toContain("alice@example.com\tadmin");
    expect(run(["nope"])).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/^users: unknown command "nope"/),
    });
  }, 60_000);
});

describe("npm run db", () => {
  it("reports the status and migrates a new database", async () => {
    const env = { VIZPORT_DATABASE_FILE: join(dir, "fresh.db") };
    const run = async (command: string) => {
      const lines: string[] = [];
      await dbCli(command, env, (line) => lines.push(line));
      return lines.join("\n");
    };
    expect(await run("status")).toContain("pending  0001-initial");
    expect(await run("status")).toContain("pending  0002-sso-sign-in");
    expect(await run("migrate")).toMatch(/applied 0001-initial, 0002-sso-sign-in in \d+ ms/);
    expect(await run("migrate")).toContain("up to date");
    expect(await run("status")).toContain("applied  0002-sso-sign-in");
    await expect(run("nope")).rejects.toBeInstanceOf(CliError);
  });
});
