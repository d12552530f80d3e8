import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REST_ROUTES } from "./rest/routes";

/** The rows of the README's REST table: method and path, Tableau's name, version, scope. */
function readmeRows(): string[][] {
  const text = readFileSync(new URL("./README.md", import.meta.url), "utf8");
  const start = text.indexOf("| method and path (under `/api/{v}/`)");
  expect(start, "the README's REST table").toBeGreaterThan(0);
  const table = text.slice(start, text.indexOf("\n\n", start)).split("\n").slice(2);
  return table.map((line) =>
    line
      .split("|")
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}

describe("emulator/README.md", () => {
  it("lists every REST method of the route table, with its version and scope, and nothing else", () => {
    const expected = REST_ROUTES.map((r) => [
      `\`${r.method} ${r.path.replace(/:(\w+)/g, "{$1}")}\``,
      r.name,
      r.since,
      r.auth === "none" ? "none (no sign-in)" : r.auth === "session" ? "any session" : `\`${r.auth}\``,
    ]);
    expect(readmeRows()).toEqual(expected);
  });
});
