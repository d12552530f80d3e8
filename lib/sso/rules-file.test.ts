import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseSsoRules, readSsoRulesFile, SsoRulesError } from "./rules-file";
import { parseTemplate } from "./template";

function errorOf(parse: () => unknown): SsoRulesError {
  try {
    parse();
  } catch (error) {
    if (error instanceof SsoRulesError) return error;
    throw error;
  }
  throw new Error("the rules were accepted");
}

const problemsOf = (file: unknown) => errorOf(() => parseSsoRules(JSON.stringify(file))).problems;

const rule = (extra: Record<string, unknown> = {}) => ({
  name: "West viewers",
  match: { always: true },
  role: "viewer",
  ...extra,
});
const withTableau = (tableau: Record<string, unknown>) => ({
  version: 1,
  rules: [rule({ tableau: { username: "email", ...tableau } })],
});

describe("parseSsoRules", () => {
  it("reads the demo rules file, with defaults filled in", () => {
    const rules = readSsoRulesFile("data/sso-rules.demo.json");
    expect(rules.groupsClaim).toBe("groups");
    expect(rules.requireVerifiedEmail).toBe(true);
    expect(rules.rules.map((r) => r.name)).toEqual([
      "Portal admins",
      "Sales viewers",
      "Everyone else at Corp",
    ]);
    expect(rules.rules[2]?.tableau).toBeUndefined();
  });

  it.each(["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp", "SUB", "https://tableau.com/groups"])(
    "refuses the reserved attribute name %s, naming the rule and the attribute",
    (name) => {
      const problems = problemsOf(withTableau({ attributes: { [name]: { value: "x" } } }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(`rules[0] "West viewers": tableau.attributes.${name}:`);
      expect(problems[0]).toMatch(
        new RegExp(`: "${name}" is (a registered token claim|one of Tableau's own claims)`),
      );
    },
  );

  it("reports a reserved name even when its value is wrong too", () => {
    const problems = problemsOf(withTableau({ attributes: { exp: { claim: "x", value: "y" } } }));
    expect(problems.some((p) => p.includes('"exp" is a registered token claim'))).toBe(true);
  });

  it("refuses attribute names that are not plain names, or that differ only in case", () => {
    expect(problemsOf(withTableau({ attributes: { __proto__x: { value: "x" } } }))[0]).toContain(
      "must start with a letter",
    );
    expect(
      problemsOf(withTableau({ attributes: { Region: { value: "x" }, region: { claim: "region" } } }))[0],
    ).toContain('attributes "Region" and "region" differ only in case');
  });

  it("lists every problem at once, each with where it is", () => {
    const problems = problemsOf({
      version: 2,
      rules: [
        rule({ match: { emailDomain: "@corp.example" }, role: "boss" }),
        { match: { claim: "dept" }, role: "viewer" },
        rule({ match: { group: "x", emailDomain: "corp.example" } }),
      ],
    });
    expect(problems).toEqual([
      "version: must be 1 (the only version of this format)",
      'rules[0] "West viewers": match.emailDomain: write "@corp.example" without the "@"',
      'rules[0] "West viewers": role: must be "admin" or "viewer"',
      "rules[1]: name: every rule needs a name",
      'rules[1]: match: claim "dept" needs exactly one of equals, oneOf or present',
      'rules[2] "West viewers": match: a condition needs exactly one of emailDomain, group, claim (with equals, oneOf or present), allOf or always',
    ]);
  });

  it("refuses unknown keys instead of ignoring a misspelt setting", () => {
    expect(problemsOf({ version: 1, rules: [rule({ roles: "admin" })] })).toEqual([
      'rules[0] "West viewers": Unrecognized key: "roles"',
    ]);
    expect(problemsOf(withTableau({ attributes: { Region: { claim: "region", optinal: true } } }))).toEqual([
      'rules[0] "West viewers": tableau.attributes.Region: Unrecognized key: "optinal"',
    ]);
  });

  it("refuses duplicate rule names, empty rule lists and wildcard domains", () => {
    expect(problemsOf({ version: 1, rules: [rule(), rule({ name: "west VIEWERS" })] })).toEqual([
      'rules[1] "west VIEWERS": name: has the same name as rules[0]; names must be unique',
    ]);
    expect(problemsOf({ version: 1, rules: [] })).toEqual([
      "rules: has no rules: every single sign-on would be refused",
    ]);
    expect(
      problemsOf({ version: 1, rules: [rule({ match: { emailDomain: "*.corp.example" } })] })[0],
    ).toContain("wildcards are not supported");
  });

  it("explains bad username sources and template syntax", () => {
    expect(problemsOf(withTableau({ username: "mail" }))[0]).toContain(
      'tableau.username: must be "email", { "claim": "<name>" } or { "template": "{claim}@example.com" }',
    );
    expect(problemsOf(withTableau({ username: { claim: "upn", template: "{upn}" } }))[0]).toContain(
      'needs exactly one of "email", claim or template',
    );
    expect(
      problemsOf(withTableau({ username: { template: "{preferred_username@corp.example" } }))[0],
    ).toContain('template "{preferred_username@corp.example" has a "{" that is not closed (at character 1)');
    expect(problemsOf(withTableau({ username: { template: "a}b" } }))[0]).toContain('has a "}" with no "{"');
    expect(problemsOf(withTableau({ username: { template: "x{}" } }))[0]).toContain('has an empty "{}"');
  });

  it("says when the text is not JSON or not a rules object", () => {
    expect(() => parseSsoRules("{ version: 1 }", "rules.json")).toThrow(/^rules\.json: is not valid JSON \(/);
    expect(problemsOf([])).toEqual(['the file: must be a JSON object: { "version": 1, "rules": [...] }']);
    expect(errorOf(() => parseSsoRules("nope")).code).toBe("rules_not_json");
    expect(errorOf(() => parseSsoRules("{}")).code).toBe("rules_invalid");
  });
});

describe("readSsoRulesFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "vizport-sso-rules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("names a missing file without reading anything else", () => {
    const path = join(dir, "absent.json");
    const error = errorOf(() => readSsoRulesFile(path));
    expect(error.message).toBe(`${path}: no such file`);
    expect(error.code).toBe("rules_unreadable");
  });

  it("prefixes problems with the file's path", () => {
    const path = join(dir, "bad.json");
    writeFileSync(path, JSON.stringify({ version: 1, rules: [rule({ role: "root" })] }));
    expect(() => readSsoRulesFile(path)).toThrow(
      `${path}: rules[0] "West viewers": role: must be "admin" or "viewer"`,
    );
  });
});

describe("parseTemplate", () => {
  it("splits text and claims, trimming claim names", () => {
    expect(parseTemplate("{ preferred_username }@corp.example")).toEqual([
      { kind: "claim", claim: "preferred_username" },
      { kind: "text", text: "@corp.example" },
    ]);
    expect(parseTemplate("{https://corp.example/uid}")).toEqual([
      { kind: "claim", claim: "https://corp.example/uid" },
    ]);
    expect(parseTemplate("guest")).toEqual([{ kind: "text", text: "guest" }]);
  });

  it("refuses nested braces", () => {
    expect(() => parseTemplate("{a{b}}")).toThrow('has a "{" that is not closed (at character 1)');
  });
});
