/**
 * Whether a rule's `match` holds for a person. A condition on a claim the person lacks is simply false (the next
 * rule gets its turn); only a groups claim that cannot be read stops the evaluation, since "no groups" would
 * then be a guess.
 */
import {
  emailDomain,
  groupsOverage,
  hasValue,
  isScalar,
  readClaim,
  readListClaim,
  type Claims,
} from "./claims";
import type { Condition, LeafCondition, Scalar } from "./condition-schema";
import { refuse, type SsoRefusal } from "./refusal";

/** Thrown inside the engine to stop at the first refusal; applySsoRules turns it into a result. */
export class Refused extends Error {
  readonly refusal: SsoRefusal;

  constructor(refusal: SsoRefusal) {
    super(refusal.detail);
    this.name = "Refused";
    this.refusal = refusal;
  }
}

export interface Person {
  claims: Claims;
  /** Checked and lower-cased. */
  email: string;
  groupsClaim: string;
}

export function personGroups(person: Person): string[] {
  const { claims, groupsClaim } = person;
  if (groupsOverage(claims, groupsClaim)) {
    throw new Refused(
      refuse("groups_overage", `the provider left out "${groupsClaim}" because of too many groups`, {
        claim: groupsClaim,
      }),
    );
  }
  const groups = readListClaim(claims, groupsClaim);
  if (!groups.ok) {
    throw new Refused(
      refuse("claim_invalid", `claim "${groupsClaim}" is neither a list nor a string`, {
        claim: groupsClaim,
      }),
    );
  }
  return groups.values;
}

function valuesOf(claim: unknown): Scalar[] {
  if (isScalar(claim)) return [claim];
  return Array.isArray(claim) ? claim.filter(isScalar) : [];
}

function leafHolds(condition: LeafCondition, person: Person): boolean {
  switch (condition.kind) {
    case "emailDomain":
      return condition.domains.includes(emailDomain(person.email));
    case "group": {
      const groups = personGroups(person);
      return condition.groups.some((group) => groups.includes(group));
    }
    case "claimEquals":
      return valuesOf(readClaim(person.claims, condition.claim)).includes(condition.value);
    case "claimOneOf": {
      const values = valuesOf(readClaim(person.claims, condition.claim));
      return values.some((value) => condition.values.includes(value));
    }
    case "claimPresent":
      return hasValue(readClaim(person.claims, condition.claim)) === condition.present;
  }
}

export function conditionHolds(condition: Condition, person: Person): boolean {
  if (condition.kind === "always") return true;
  if (condition.kind === "allOf") return condition.conditions.every((leaf) => leafHolds(leaf, person));
  return leafHolds(condition, person);
}
