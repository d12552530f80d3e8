import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSsoRules } from "@/lib/sso";
import { describeMatch, describeTableau } from "./describe";

describe("rule descriptions", () => {
  it("say what each demo rule matches and gives", () => {
    const { rules } = parseSsoRules(readFileSync("data/sso-rules.demo.json", "utf8"));
    expect(rules.map((rule) => describeMatch(rule.match))).toEqual([
      'e-mail at corp.example and in group "vizport-admins"',
      'e-mail at corp.example and in group "sales"',
      "e-mail at corp.example",
    ]);
    expect(rules.map(describeTableau)).toEqual([
      "user {preferred_username}@example.com; groups Portal Admins, tableau-* from groups",
      "user {preferred_username}@example.com; attributes Region from region; groups Sales",
      "no Tableau user",
    ]);
  });

  it("describe claim tests and fixed values", () => {
    const { rules } = parseSsoRules(
      JSON.stringify({
        version: 1,
        rules: [
          {
            name: "a",
            match: {
              allOf: [
                { claim: "dept", oneOf: ["ops", 7] },
                { claim: "contractor", present: false },
              ],
            },
            role: "viewer",
            tableau: { username: { claim: "upn" }, attributes: { Tier: { value: "gold" } } },
          },
          { name: "b", match: { always: true }, role: "viewer", tableau: { username: "email" } },
        ],
      }),
    );
    expect(describeMatch(rules[0]!.match)).toBe('dept is "ops" or 7 and no contractor');
    expect(describeTableau(rules[0]!)).toBe('user claim upn; attributes Tier = "gold"');
    expect(describeMatch(rules[1]!.match)).toBe("everyone");
    expect(describeTableau(rules[1]!)).toBe("user the e-mail");
  });
});
