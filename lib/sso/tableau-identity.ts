/**
 * Builds the Tableau identity a matched rule sets. A missing claim the rule reads refuses the sign-in rather
 * than fall through to a later rule or drop the attribute: a dropped row-level-security attribute (`Region`)
 * would show every row. Groups are the exception: a missing groups claim gives fewer groups, never more access.
 */
import { hasValue, isScalar, readClaim, readListClaim } from "./claims";
import type { AttributeSource, GroupSource, TableauMapping, UsernameSource } from "./mapping-schema";
import { personGroups, Refused, type Person } from "./match";
import { refuse } from "./refusal";

export interface SsoTableauIdentity {
  username: string;
  attributes: Record<string, string | string[]>;
  groups: string[];
}

const MAX_USERNAME = 255;

function missing(rule: string, claim: string, what: string): Refused {
  return new Refused(
    refuse("claim_missing", `rule "${rule}" needs claim "${claim}" for ${what}`, { rule, claim }),
  );
}

function invalid(rule: string, claim: string, what: string): Refused {
  return new Refused(
    refuse("claim_invalid", `rule "${rule}": claim "${claim}" (for ${what}) is not text or a list of text`, {
      rule,
      claim,
    }),
  );
}

/** A claim that must be one piece of text: a string, or a number written out. */
function textClaim(person: Person, rule: string, claim: string, what: string): string {
  if (claim === "email") return person.email;
  const value = readClaim(person.claims, claim);
  if (!hasValue(value)) throw missing(rule, claim, what);
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && isFinite(value)) return String(value);
  throw invalid(rule, claim, what);
}

function username(source: UsernameSource, person: Person, rule: string): string {
  let name: string;
  if (source.kind === "email") name = person.email;
  else if (source.kind === "claim") name = textClaim(person, rule, source.claim, "the Tableau username");
  else {
    name = source.parts
      .map((part) =>
        part.kind === "text" ? part.text : textClaim(person, rule, part.claim, "the Tableau username"),
      )
      .join("")
      .trim();
  }
  if (name === "" || name.length > MAX_USERNAME) {
    const claim = source.kind === "claim" ? source.claim : "email";
    throw new Refused(
      refuse("claim_invalid", `rule "${rule}" made a Tableau username that is empty or too long`, {
        rule,
        claim,
      }),
    );
  }
  return name;
}

function attribute(source: AttributeSource, person: Person, rule: string, name: string) {
  if (source.kind === "value") return source.value;
  const what = `attribute "${name}"`;
  const value = source.claim === "email" ? person.email : readClaim(person.claims, source.claim);
  if (!hasValue(value)) {
    if (source.optional) return undefined;
    throw missing(rule, source.claim, what);
  }
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every(isScalar)) return value.map(String);
  throw invalid(rule, source.claim, what);
}

function claimGroups(
  source: Extract<GroupSource, { kind: "claim" }>,
  person: Person,
  rule: string,
): string[] {
  if (source.claim === person.groupsClaim) return personGroups(person);
  const list = readListClaim(person.claims, source.claim);
  if (!list.ok) throw invalid(rule, source.claim, "Tableau groups");
  return list.values;
}

function groups(sources: GroupSource[], person: Person, rule: string): string[] {
  const all = sources.flatMap((source) => {
    if (source.kind === "fixed") return [source.group];
    return claimGroups(source, person, rule)
      .filter((group) => group.startsWith(source.prefix))
      .map((group) => group.slice(source.prefix.length));
  });
  return [...new Set(all.filter((group) => group !== ""))];
}

export function tableauIdentity(mapping: TableauMapping, person: Person, rule: string): SsoTableauIdentity {
  const attributes: Record<string, string | string[]> = {};
  for (const [name, source] of Object.entries(mapping.attributes)) {
    const value = attribute(source, person, rule, name);
    if (value !== undefined) attributes[name] = value;
  }
  return {
    username: username(mapping.username, person, rule),
    attributes,
    groups: groups(mapping.groups, person, rule),
  };
}
