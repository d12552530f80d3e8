import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPasswordHash } from "./password";
import { DirectoryError, DirectoryStore, parseDirectory } from "./store";
import type * as DirectoryModule from "./index";

const dir = mkdtempSync(join(tmpdir(), "vizport-directory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

describe("directory file", () => {
  it("looks users up case-insensitively and keeps their mapping", async () => {
    const file = join(dir, "lookup.json");
    const bob = await user("Bob@Example.com", {
      tableau: { username: "bob@example.com", attributes: { Region: "West" }, groups: ["Sales"] },
    });
    writeFileSync(file, JSON.stringify({ users: [bob, await user("dave@example.com")] }));
    const store = new DirectoryStore(file);
    expect(store.findUser(" BOB@example.COM ")?.tableau).toEqual({
      username: "bob@example.com",
      attributes: { Region: "West" },
      groups: ["Sales"],
    });
    expect(store.findUser("dave@example.com")?.tableau).toBeUndefined();
    expect(store.findUser("nobody@example.com")).toBeNull();
  });

  it("reloads the file when it changes", async () => {
    const file = join(dir, "reload.json");
    writeFileSync(file, JSON.stringify({ users: [await user("a@example.com")] }));
    const store = new DirectoryStore(file);
    expect(store.findUser("b@example.com")).toBeNull();
    writeFileSync(
      file,
      JSON.stringify({ users: [await user("a@example.com"), await user("b@example.com")] }),
    );
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    vi.useFakeTimers({ now: Date.now() + 2000, toFake: ["Date"] });
    try {
      expect(store.findUser("b@example.com")?.email).toBe("b@example.com");
    } finally {
      vi.useRealTimers();
    }
  });

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

  it("says so when the file is missing", () => {
    expect(() => new DirectoryStore(join(dir, "missing.json")).findUser("a@example.com")).toThrow(
      /cannot be read/,
    );
  });
});

describe("the portal's directory (findUser, verifyPassword, getTableauIdentity)", () => {
  let directory: typeof DirectoryModule;

  beforeAll(async () => {
    vi.stubEnv("TABLEAU_SERVER", "http://localhost:8900");
    vi.stubEnv("TABLEAU_SITENAME", "vizport-demo");
    vi.stubEnv("TABLEAU_RESTAPI_VERSION", "3.28");
    vi.stubEnv("TABLEAU_USERNAME", "alice@example.com");
    vi.stubEnv("TABLEAU_CA_CLIENT", "client");
    vi.stubEnv("TABLEAU_CA_SECRET_ID", "secret-id");
    vi.stubEnv("TABLEAU_CA_SECRET_VALUE", "secret-value");
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("VIZPORT_DIRECTORY_FILE", "data/directory.json");
    vi.resetModules();
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
