import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { usePortalEnv } from "../../test/portal-env";
import { DirectoryError, parseDirectory } from "./file";
import { hashPassword, verifyPasswordHash } from "./password";
import type * as DirectoryModule from "./index";

describe("password hashing", () => {
  it("hashes with a fresh salt and verifies only the right password", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("correct horse");
    expect(await verifyPasswordHash(first, "correct horse")).toBe(true);
    expect(await verifyPasswordHash(second, "correct horse")).toBe(true);
    expect(await verifyPasswordHash(first, "correct horse ")).toBe(false);
    expect(await verifyPasswordHash(first, "")).toBe(false);
  });

  it.each(["", "plain-text", "scrypt$1$2$3", "bcrypt$1$2$3$abc$def", "scrypt$0$8$1$c2FsdA==$aGFzaA=="])(
    "never matches a malformed stored hash %j",
    async (stored) => {
      expect(await verifyPasswordHash(stored, "anything")).toBe(false);
    },
  );
});

async function user(email: string, extra: Record<string, unknown> = {}) {
  return {
    email,
    name: email.split("@")[0],
    passwordHash: await hashPassword("pw-123456"),
    role: "viewer",
    ...extra,
  };
}

describe("the directory file format", () => {
  it.each([
    ["not JSON", "{", /not valid JSON/],
    [
      "a user without a hash",
      JSON.stringify({ users: [{ email: "a@example.com", name: "A", role: "viewer" }] }),
      /passwordHash/,
    ],
    [
      "a bad role",
      JSON.stringify({ users: [{ email: "a@b.co", name: "A", role: "root", passwordHash: "scrypt$x" }] }),
      /role/,
    ],
    [
      "a bad e-mail",
      JSON.stringify({ users: [{ email: "nope", name: "A", role: "viewer", passwordHash: "scrypt$x" }] }),
      /e-mail/,
    ],
  ])("refuses %s with a message naming the file", (_label, text, pattern) => {
    expect(() => parseDirectory(text, "users.json")).toThrow(DirectoryError);
    expect(() => parseDirectory(text, "users.json")).toThrow(pattern);
    expect(() => parseDirectory(text, "users.json")).toThrow(/users\.json/);
  });

  it("refuses the same e-mail twice", async () => {
    const text = JSON.stringify({ users: [await user("a@example.com"), await user("A@example.com")] });
    expect(() => parseDirectory(text, "dup.json")).toThrow(/twice/);
  });

  it("names the account and the attribute when an attribute name is a registered claim", async () => {
    const text = JSON.stringify({
      users: [await user("bob@example.com", { tableau: { username: "bob", attributes: { exp: "1" } } })],
    });
    expect(() => parseDirectory(text, "claims.json")).toThrow(
      /bob@example\.com \(tableau\.attributes\.exp\)/,
    );
    expect(() => parseDirectory(text, "claims.json")).toThrow(/registered token claim/);
  });
});

describe("the portal's directory over the database (findUser, verifyPassword, getTableauIdentity)", () => {
  let directory: typeof DirectoryModule;

  beforeAll(async () => {
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    // Demo mode, on a new database: the demo accounts are seeded before the first lookup.
    usePortalEnv();
    directory = await import("./index");
  });
  afterAll(() => vi.unstubAllEnvs());

  it.each([
    ["alice@example.com", "admin", { username: "alice@example.com", attributes: {} }],
    ["bob@example.com", "viewer", { username: "bob@example.com", attributes: { Region: "West" } }],
    ["carol@example.com", "viewer", { username: "carol@example.com", attributes: { Region: "East" } }],
    ["erin@example.com", "viewer", { username: "erin@example.com", attributes: {} }],
  ])("maps the demo user %s (%s)", async (email, role, expected) => {
    const found = await directory.findUser(email);
    expect(found?.role).toBe(role);
    expect(await directory.verifyPassword(found, "vizport-demo")).toBe(true);
    expect(await directory.verifyPassword(found, "vizport-demo!")).toBe(false);
    expect(await directory.getTableauIdentity(email)).toMatchObject(expected);
  });

  it("gives a disabled account no Tableau identity", async () => {
    const { updateAccount } = await import("../db/repositories/accounts");
    const bob = await directory.findUser("bob@example.com");
    if (!bob) throw new Error("bob was not seeded");
    await updateAccount(await directory.accountsDb(), bob.id, bob.version, { disabled: true }, "test");
    expect(await directory.getTableauIdentity("bob@example.com")).toBeNull();
    const again = await directory.findUser("bob@example.com");
    await updateAccount(
      await directory.accountsDb(),
      bob.id,
      again?.version ?? 0,
      { disabled: false },
      "test",
    );
    expect(await directory.getTableauIdentity("bob@example.com")).not.toBeNull();
  });

  it("gives dave no Tableau identity", async () => {
    expect((await directory.findUser("dave@example.com"))?.name).toBeTruthy();
    expect(await directory.getTableauIdentity("dave@example.com")).toBeNull();
    expect(await directory.getTableauIdentity("nobody@example.com")).toBeNull();
  });

  it("spends scrypt work on unknown users too (no timing tell)", async () => {
    const alice = await directory.findUser("alice@example.com");
    expect(await directory.verifyPassword(null, "vizport-demo")).toBe(false);
    const time = async (run: () => Promise<boolean>) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        await run();
        samples.push(performance.now() - start);
      }
      return samples.sort((a, b) => a - b)[1] ?? 0;
    };
    const known = await time(() => directory.verifyPassword(alice, "wrong-password"));
    const unknown = await time(() => directory.verifyPassword(null, "wrong-password"));
    // Same scrypt cost both ways; a wide margin keeps a busy machine from making this flaky.
    expect(unknown).toBeGreaterThan(known * 0.3);
    expect(unknown).toBeLessThan(known * 3);
  });
});
