/**
 * The rule engine: a pure function from a person's claims to a portal identity or a refusal. The person is
 * checked first (issuer, subject, e-mail), then the rules are tried in order and the first match decides.
 */
import { z } from "zod";
import { isEmailVerified, readClaim, type Claims } from "./claims";
import { conditionHolds, Refused, type Person } from "./match";
import { refuse, type SsoRefusal } from "./refusal";
import type { SsoRules } from "./rules-schema";
import { tableauIdentity, type SsoTableauIdentity } from "./tableau-identity";

export interface SsoIdentity {
  /** Issuer and subject together are the person's key: the same subject at another issuer is someone else. */
  issuer: string;
  subject: string;
  /** Trimmed and lower-cased. */
  email: string;
  name: string;
  role: "admin" | "viewer";
  /** Null when the rule gives portal access without a Tableau identity. */
  tableau: SsoTableauIdentity | null;
  /** The rule that matched: its position in the list (from 0) and its name. */
  rule: { index: number; name: string };
}

export type SsoResult = { ok: true; identity: SsoIdentity } | { ok: false; refusal: SsoRefusal };

const emailSchema = z.email();

function requiredText(claims: Claims, name: string): string | undefined {
  const value = readClaim(claims, name);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function checkedEmail(claims: Claims, rules: SsoRules): string {
  const value = readClaim(claims, "email");
  if (value === undefined || value === null || value === "") {
    throw new Refused(refuse("email_missing", 'no "email" claim', { claim: "email" }));
  }
  const email = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (email.length > 254 || !emailSchema.safeParse(email).success) {
    throw new Refused(refuse("email_invalid", '"email" is not an e-mail address', { claim: "email" }));
  }
  // Before any rule: an unverified address must not pass an emailDomain test.
  if (rules.requireVerifiedEmail && !isEmailVerified(claims)) {
    throw new Refused(
      refuse("email_unverified", '"email_verified" is not true', { claim: "email_verified" }),
    );
  }
  return email;
}

function evaluate(rules: SsoRules, claims: Claims): SsoIdentity {
  const issuer = requiredText(claims, "iss");
  const subject = requiredText(claims, "sub");
  if (!issuer || !subject) {
    const claim = issuer ? "sub" : "iss";
    throw new Refused(refuse("subject_missing", `no "${claim}" claim`, { claim }));
  }
  const email = checkedEmail(claims, rules);
  const person: Person = { claims, email, groupsClaim: rules.groupsClaim };
  const index = rules.rules.findIndex((rule) => conditionHolds(rule.match, person));
  const rule = rules.rules[index];
  if (!rule) throw new Refused(refuse("no_rule_matched", `no rule matched ${email}`));
  return {
    issuer,
    subject,
    email,
    name: requiredText(claims, "name") ?? requiredText(claims, "preferred_username") ?? email,
    role: rule.role,
    tableau: rule.tableau ? tableauIdentity(rule.tableau, person, rule.name) : null,
    rule: { index, name: rule.name },
  };
}

/**
 * Applies ordered rules to a person's claims (ID token and userinfo merged; `iss` and `sub` required). Never
 * throws for anything a provider can send: every problem is a refusal with a stable code.
 */
export function applySsoRules(rules: SsoRules, claims: unknown): SsoResult {
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) {
    return { ok: false, refusal: refuse("subject_missing", "the claims are not an object") };
  }
  try {
    return { ok: true, identity: evaluate(rules, claims as Claims) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    throw error;
  }
}
