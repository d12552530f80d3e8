import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { identity, person, refusal, rules } from "@/test/sso-claims";
import { applySsoRules } from "./apply-rules";
import { parseSsoRules } from "./rules-file";

describe("applySsoRules: the Tableau identity", () => {
  const mapping = (tableau: Record<string, unknown>) =>
    rules({ rules: [{ name: "Map", match: { always: true }, role: "viewer", tableau: tableau as never }] });

  it("takes the username from the e-mail, a claim or a template of named claims", () => {
    const claims = person({ upn: " ann.w ", preferred_username: "ann", employee_id: 1042 });
    expect(identity(applySsoRules(mapping({ username: "email" }), claims)).tableau?.username).toBe(
      "ann@corp.example",
    );
    expect(identity(applySsoRules(mapping({ username: { claim: "upn" } }), claims)).tableau?.username).toBe(
      "ann.w",
    );
    const template = mapping({ username: { template: "{preferred_username}-{employee_id}@{email}" } });
    expect(identity(applySsoRules(template, claims)).tableau?.username).toBe("ann-1042@ann@corp.example");
  });

  it("refuses (does not fall through) when a claim the matched rule needs is missing or not text", () => {
    const templated = rules({
      rules: [
        {
          name: "Templated",
          match: { always: true },
          role: "admin",
          tableau: { username: { template: "{preferred_username}@corp.example" } },
        },
        { name: "Fallback", match: { always: true }, role: "viewer" },
      ],
    });
    expect(refusal(applySsoRules(templated, person()))).toMatchObject({
      code: "claim_missing",
      rule: "Templated",
      claim: "preferred_username",
      detail: 'rule "Templated" needs claim "preferred_username" for the Tableau username',
    });
    expect(refusal(applySsoRules(templated, person({ preferred_username: ["a"] })))).toMatchObject({
      code: "claim_invalid",
      claim: "preferred_username",
    });
    expect(refusal(applySsoRules(mapping({ username: { claim: "upn" } }), person({ upn: "  " }))).code).toBe(
      "claim_missing",
    );
  });

  it("sets attributes from claims (arrays stay arrays) and fixed values; a missing claim refuses unless optional", () => {
    const attributes = mapping({
      username: "email",
      attributes: {
        Region: { claim: "region" },
        Cost_Centres: { claim: "cost_centres" },
        Level: { claim: "level" },
        Tier: { value: "gold" },
        Markets: { value: ["EU", "US"] },
        Team: { claim: "team", optional: true },
        Mail: { claim: "email" },
      },
    });
    const claims = person({ region: "West", cost_centres: ["C1", "C2"], level: 3 });
    expect(identity(applySsoRules(attributes, claims)).tableau?.attributes).toEqual({
      Region: "West",
      Cost_Centres: ["C1", "C2"],
      Level: "3",
      Tier: "gold",
      Markets: ["EU", "US"],
      Mail: "ann@corp.example",
    });
    expect(refusal(applySsoRules(attributes, person({ cost_centres: [], level: 3 })))).toMatchObject({
      code: "claim_missing",
      claim: "region",
    });
    expect(refusal(applySsoRules(attributes, { ...claims, region: { name: "West" } }))).toMatchObject({
      code: "claim_invalid",
      claim: "region",
    });
  });

  it("sets groups fixed and from a claim (any shape, filtered by prefix), without duplicates", () => {
    const groups = mapping({
      username: "email",
      groups: ["Sales", { claim: "groups", prefix: "tableau-" }, { claim: "teams" }],
    });
    const claims = person({ groups: "tableau-Sales,tableau-Finance,staff", teams: ["Ops", "Ops"] });
    expect(identity(applySsoRules(groups, claims)).tableau?.groups).toEqual(["Sales", "Finance", "Ops"]);
    expect(identity(applySsoRules(groups, person())).tableau?.groups).toEqual(["Sales"]);
    expect(refusal(applySsoRules(groups, person({ teams: [{ id: 1 }] }))).code).toBe("claim_invalid");
  });
});

describe("the documented example (docs/sso-rules.md)", () => {
  const doc = readFileSync("docs/sso-rules.md", "utf8");
  const example = parseSsoRules(/```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? "", "docs/sso-rules.md");

  it("parses and does what the text says", () => {
    const sales = person({
      preferred_username: "alice",
      groups: "sales",
      region: "East",
      employee_type: "staff",
    });
    expect(identity(applySsoRules(example, sales)).tableau).toEqual({
      username: "alice@corp.example",
      attributes: { Region: "East", Tier: "standard" },
      groups: ["Sales"],
    });
    const contractor = identity(applySsoRules(example, { ...sales, employee_type: "contractor" }));
    expect(contractor.rule.name).toBe("Contractors see nothing in Tableau");
    expect(contractor.tableau).toBeNull();
    const admin = identity(applySsoRules(example, person({ groups: ["vizport-admins", "tableau-Finance"] })));
    expect(admin.tableau?.groups).toEqual(["Portal Admins", "Finance"]);
    expect(refusal(applySsoRules(example, person({ email: "x@else.example" }))).code).toBe("no_rule_matched");
  });
});
