/**
 * One line per part of a rule, for the console's ordered list: what a rule matches, and the Tableau identity it
 * gives. Written from the parsed rule, so the list shows what the engine will do, not just what was typed.
 */
import type { SsoRule } from "@/lib/sso";

type Condition = SsoRule["match"];
type Leaf = Exclude<Condition, { kind: "allOf" } | { kind: "always" }>;

const list = (values: Array<string | number | boolean>) => values.map((v) => JSON.stringify(v)).join(" or ");

function leaf(condition: Leaf): string {
  switch (condition.kind) {
    case "emailDomain":
      return `e-mail at ${condition.domains.join(" or ")}`;
    case "group":
      return `in group ${list(condition.groups)}`;
    case "claimEquals":
      return `${condition.claim} = ${JSON.stringify(condition.value)}`;
    case "claimOneOf":
      return `${condition.claim} is ${list(condition.values)}`;
    case "claimPresent":
      return condition.present ? `has ${condition.claim}` : `no ${condition.claim}`;
  }
}

export function describeMatch(condition: Condition): string {
  if (condition.kind === "always") return "everyone";
  if (condition.kind === "allOf") return condition.conditions.map(leaf).join(" and ");
  return leaf(condition);
}

export function describeTableau(rule: SsoRule): string {
  const tableau = rule.tableau;
  if (!tableau) return "no Tableau user";
  const source = tableau.username;
  const username =
    source.kind === "email"
      ? "the e-mail"
      : source.kind === "claim"
        ? `claim ${source.claim}`
        : source.template;
  const attributes = Object.entries(tableau.attributes).map(([name, value]) =>
    value.kind === "claim" ? `${name} from ${value.claim}` : `${name} = ${JSON.stringify(value.value)}`,
  );
  const groups = tableau.groups.map((group) =>
    group.kind === "fixed" ? group.group : `${group.prefix}* from ${group.claim}`,
  );
  return [
    `user ${username}`,
    attributes.length ? `attributes ${attributes.join(", ")}` : "",
    groups.length ? `groups ${groups.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("; ");
}
