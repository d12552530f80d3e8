import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { verifyPasswordHash } from "../lib/directory/password";
import { parseDirectory } from "../lib/directory/store";

const dir = mkdtempSync(join(tmpdir(), "vizport-users-"));
const file = join(dir, "users.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function users(args: string[], input = "") {
  const result = spawnSync("npx", ["tsx", "scripts/users.ts", ...args, "--file", file], {
    input,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const read = () => parseDirectory(readFileSync(file, "utf8"), file).users;

describe("npm run users", () => {
  it("adds a mapped user with a hashed password, then changes the password", async () => {
    const added = users(
      [
        "add",
        "Ann@Example.com",
        "--name",
        "Ann Lee",
        "--tableau-user",
        "ann@example.com",
        "--attr",
        "Region=East",
        "--attr",
        "Region=West",
        "--group",
        "Sales",
      ],
      "first-password\n",
    );
    expect(added).toMatchObject({ status: 0, stdout: "added ann@example.com\n" });
    const [ann] = read();
    expect(ann).toMatchObject({
      email: "ann@example.com",
      name: "Ann Lee",
      role: "viewer",
      tableau: { username: "ann@example.com", attributes: { Region: ["East", "West"] }, groups: ["Sales"] },
    });
    expect(await verifyPasswordHash(ann?.passwordHash ?? "", "first-password")).toBe(true);

    expect(users(["passwd", "ann@example.com"], "second-password\n").status).toBe(0);
    const [changed] = read();
    expect(await verifyPasswordHash(changed?.passwordHash ?? "", "second-password")).toBe(true);
    expect(await verifyPasswordHash(changed?.passwordHash ?? "", "first-password")).toBe(false);
  });

  it("refuses bad input with a message and a failing status, leaving the file alone", () => {
    const before = readFileSync(file, "utf8");
    expect(users(["add", "ann@example.com", "--name", "Again"], "password-123\n").stderr).toMatch(
      /already exists/,
    );
    expect(users(["add", "b@example.com", "--name", "B"], "short\n").stderr).toMatch(/at least 8/);
    expect(users(["add", "c@example.com", "--name", "C", "--role", "root"], "password-123\n").stderr).toMatch(
      /role/,
    );
    expect(users(["passwd", "nobody@example.com"], "password-123\n").status).toBe(1);
    expect(users(["frob"]).stderr).toMatch(/unknown command/);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("lists and removes", () => {
    expect(users(["list"]).stdout).toContain("ann@example.com\tviewer\tAnn Lee\t→ ann@example.com");
    expect(users(["remove", "ann@example.com"]).status).toBe(0);
    expect(read()).toEqual([]);
  });
});
