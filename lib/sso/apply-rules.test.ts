import { describe, expect, it } from "vitest";
import { identity, ISS, person, refusal, rules } from "@/test/sso-claims";
import { applySsoRules } from "./apply-rules";
import { readSsoRulesFile } from "./rules-file";
import type { SsoRulesInput } from "./rules-schema";

const demo = readSsoRulesFile("data/sso-rules.demo.json");

describe("applySsoRules: order", () => {
  it("takes the first rule that matches, even when a later one is more specific", () => {
    const ordered = rules({
      rules: [
        { name: "Everyone at Corp", match: { emailDomain: "corp.example" }, role: "viewer" },
        { name: "Corp admins", match: { group: "admins" }, role: "admin" },
      ],
    });
    const result = identity(applySsoRules(ordered, person({ groups: ["admins"] })));
    expect(result.rule).toEqual({ index: 0, name: "Everyone at Corp" });
    expect(result.role).toBe("viewer");
  });

  it("maps the demo people as the demo rules say", () => {
    const alice = identity(
      applySsoRules(
        demo,
        person({
          email: "Alice@Corp.Example ",
          preferred_username: "alice",
          name: "Alice Admin",
          groups: ["vizport-admins", "tableau-Finance"],
        }),
      ),
    );
    expect(alice).toEqual({
      issuer: ISS,
      subject: "sub-1",
      email: "alice@corp.example",
      name: "Alice Admin",
      role: "admin",
      tableau: { username: "alice@example.com", attributes: {}, groups: ["Portal Admins", "Finance"] },
      rule: { index: 0, name: "Portal admins" },
    });
    const bob = identity(
      applySsoRules(demo, person({ preferred_username: "bob", groups: ["sales"], region: "West" })),
    );
    expect(bob.tableau).toEqual({
      username: "bob@example.com",
      attributes: { Region: "West" },
      groups: ["Sales"],
    });
    const dave = identity(applySsoRules(demo, person({ preferred_username: "dave" })));
    expect(dave.rule.name).toBe("Everyone else at Corp");
    expect(dave.tableau).toBeNull();
    expect(refusal(applySsoRules(demo, person({ email: "olga@partner.example" }))).code).toBe(
      "no_rule_matched",
    );
  });
});

describe("applySsoRules: the person", () => {
  const everyone: SsoRulesInput["rules"] = [{ name: "All", match: { always: true }, role: "viewer" }];
  const any = rules({ rules: everyone });

  it.each([
    [{ iss: undefined }, "subject_missing"],
    [{ sub: "" }, "subject_missing"],
    [{ email: undefined }, "email_missing"],
    [{ email: 42 }, "email_invalid"],
    [{ email: "not an address" }, "email_invalid"],
    [{ email_verified: false }, "email_unverified"],
    [{ email_verified: undefined }, "email_unverified"],
    [{ email_verified: "yes" }, "email_unverified"],
  ])("refuses %j with %s", (claims, code) => {
    const result = refusal(applySsoRules(any, person(claims)));
    expect(result.code).toBe(code);
    expect(result.message).toMatch(/\.$/);
  });

  it('accepts email_verified "true" (as Amazon Cognito sends it) and unverified e-mail when allowed', () => {
    expect(applySsoRules(any, person({ email_verified: "true" })).ok).toBe(true);
    const lax = rules({ requireVerifiedEmail: false, rules: everyone });
    expect(applySsoRules(lax, person({ email_verified: undefined })).ok).toBe(true);
  });

  it("refuses what is not a claims object", () => {
    expect(refusal(applySsoRules(any, null)).code).toBe("subject_missing");
    expect(refusal(applySsoRules(any, ["a"])).code).toBe("subject_missing");
  });

  it("names the person from name, then preferred_username, then the e-mail", () => {
    expect(identity(applySsoRules(any, person({ name: "Ann" }))).name).toBe("Ann");
    expect(identity(applySsoRules(any, person({ preferred_username: "ann" }))).name).toBe("ann");
    expect(identity(applySsoRules(any, person())).name).toBe("ann@corp.example");
  });
});

describe("applySsoRules: matching", () => {
  const byDomain = rules({
    rules: [{ name: "Corp", match: { emailDomain: ["CORP.example", "corp2.example"] }, role: "viewer" }],
  });

  it("compares e-mail domains without case, and only whole domains", () => {
    expect(applySsoRules(byDomain, person({ email: "Ann@CORP.EXAMPLE" })).ok).toBe(true);
    expect(applySsoRules(byDomain, person({ email: "ann@corp2.example" })).ok).toBe(true);
    expect(refusal(applySsoRules(byDomain, person({ email: "ann@sub.corp.example" }))).code).toBe(
      "no_rule_matched",
    );
    expect(refusal(applySsoRules(byDomain, person({ email: "ann@evilcorp.example" }))).code).toBe(
      "no_rule_matched",
    );
    expect(refusal(applySsoRules(byDomain, person({ email: "corp.example@evil.example" }))).code).toBe(
      "no_rule_matched",
    );
  });

  const byGroup = (groupsClaim?: string) =>
    rules({ groupsClaim, rules: [{ name: "Admins", match: { group: "vizport-admins" }, role: "admin" }] });

  it.each([
    [["sales", "vizport-admins"], true],
    ["sales,vizport-admins", true],
    ["sales vizport-admins", true],
    [" vizport-admins ", true],
    ["Vizport-Admins", false],
    ["vizport-admins-old", false],
    [[], false],
    [undefined, false],
  ])("reads the groups claim %j (member: %s)", (groups, member) => {
    expect(applySsoRules(byGroup(), person({ groups })).ok).toBe(member);
  });

  it("keeps spaces in comma-separated group names and reads a configured groups claim", () => {
    const spaced = rules({ rules: [{ name: "Sales", match: { group: "Sales Team" }, role: "viewer" }] });
    expect(applySsoRules(spaced, person({ groups: "Finance, Sales Team" })).ok).toBe(true);
    expect(applySsoRules(byGroup("roles"), person({ roles: ["vizport-admins"], groups: [] })).ok).toBe(true);
    expect(applySsoRules(byGroup("roles"), person({ groups: ["vizport-admins"] })).ok).toBe(false);
  });

  it("refuses a groups claim it cannot read, and Entra ID's group overage, instead of guessing", () => {
    expect(refusal(applySsoRules(byGroup(), person({ groups: { a: 1 } }))).code).toBe("claim_invalid");
    const overage = person({ _claim_names: { groups: "src1" }, _claim_sources: { src1: { endpoint: "x" } } });
    expect(refusal(applySsoRules(byGroup(), overage)).code).toBe("groups_overage");
  });

  it("tests any claim with equals, oneOf and present, combined with allOf", () => {
    const byClaims = rules({
      rules: [
        {
          name: "East sales staff",
          match: {
            allOf: [
              { claim: "department", equals: "Sales" },
              { claim: "region", oneOf: ["East", "North"] },
              { claim: "contractor", present: false },
            ],
          },
          role: "viewer",
        },
      ],
    });
    const staff = { department: "Sales", region: "East" };
    expect(applySsoRules(byClaims, person(staff)).ok).toBe(true);
    expect(applySsoRules(byClaims, person({ ...staff, region: ["West", "North"] })).ok).toBe(true);
    expect(applySsoRules(byClaims, person({ ...staff, department: "sales" })).ok).toBe(false);
    expect(applySsoRules(byClaims, person({ ...staff, contractor: true })).ok).toBe(false);
    expect(applySsoRules(byClaims, person({ ...staff, contractor: "" })).ok).toBe(true);
    expect(applySsoRules(byClaims, person({ region: "East" })).ok).toBe(false);
  });

  it("never reads a claim name from Object.prototype", () => {
    const proto = rules({
      rules: [
        { name: "Constructor", match: { claim: "constructor", present: true }, role: "admin" },
        { name: "toString", match: { group: "x" }, role: "admin" },
      ],
      groupsClaim: "toString",
    });
    expect(refusal(applySsoRules(proto, person())).code).toBe("no_rule_matched");
  });
});
