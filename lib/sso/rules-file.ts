/**
 * Reads and checks a rules file. Every problem is reported at once, each with where it is: the rule's index and
 * name, then the path inside the rule, e.g. `rules[1] "West viewers": tableau.attributes.sub: ...`.
 */
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { ssoRulesSchema, type SsoRules } from "./rules-schema";

export type SsoRulesErrorCode = "rules_unreadable" | "rules_not_json" | "rules_invalid";

export class SsoRulesError extends Error {
  readonly code: SsoRulesErrorCode;
  /** One line per problem, each naming where it is. */
  readonly problems: string[];

  constructor(code: SsoRulesErrorCode, source: string, problems: string[], cause?: unknown) {
    super(
      `${source}: ${problems.length === 1 ? problems[0] : `\n${problems.map((p) => `  - ${p}`).join("\n")}`}`,
      {
        cause,
      },
    );
    this.name = "SsoRulesError";
    this.code = code;
    this.problems = problems;
  }
}

function ruleName(raw: unknown, index: number): string | undefined {
  if (typeof raw !== "object" || raw === null || !("rules" in raw) || !Array.isArray(raw.rules))
    return undefined;
  const rule: unknown = raw.rules[index];
  if (typeof rule !== "object" || rule === null || !("name" in rule)) return undefined;
  return typeof rule.name === "string" && rule.name.trim() !== "" ? rule.name.trim() : undefined;
}

function where(raw: unknown, path: PropertyKey[]): string {
  const [first, second, ...rest] = path;
  const inside = (keys: PropertyKey[]) =>
    keys.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i ? "." : ""}${String(key)}`)).join("");
  if (first === "rules" && typeof second === "number") {
    const name = ruleName(raw, second);
    const rule = `rules[${second}]${name ? ` "${name}"` : ""}`;
    return rest.length ? `${rule}: ${inside(rest)}` : rule;
  }
  return path.length ? inside(path) : "the file";
}

/** Formats zod's issues as one line each; a bad record key (a reserved attribute name) says what is wrong. */
export function describeIssues(raw: unknown, issues: z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const messages =
      issue.code === "invalid_key" ? issue.issues.map((inner) => inner.message) : [issue.message];
    return messages.map((message) => `${where(raw, issue.path)}: ${message}`);
  });
}

/** Parses the text of a rules file. Throws SsoRulesError (`rules_not_json`, `rules_invalid`). */
export function parseSsoRules(text: string, source = "the SSO rules"): SsoRules {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : "unreadable";
    throw new SsoRulesError("rules_not_json", source, [`is not valid JSON (${reason})`], error);
  }
  const parsed = ssoRulesSchema.safeParse(raw);
  if (!parsed.success)
    throw new SsoRulesError("rules_invalid", source, describeIssues(raw, parsed.error.issues));
  return parsed.data;
}

/** Reads `VIZPORT_SSO_RULES_FILE`. Throws SsoRulesError; `rules_unreadable` names the file, not its content. */
export function readSsoRulesFile(path: string): SsoRules {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : "cannot be read";
    throw new SsoRulesError("rules_unreadable", path, [reason], error);
  }
  return parseSsoRules(text, path);
}
