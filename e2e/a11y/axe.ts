/**
 * axe-core over a page and every frame in it (the viz iframe included), limited to WCAG 2.1 A and AA, and a
 * readable account of what it found, so a failing spec says which rule, where and why.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

type Result = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export const WCAG_21_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** One CSS path per offending node; frames are joined with " >> ". */
  targets: string[];
  summary: string;
}

/**
 * What axe-core finds on the page and its frames: the WCAG 2.1 A/AA violations (the spec's pass mark), and
 * apart from them its best-practice ones (landmarks, headings), which the figures report beside them.
 */
export async function axeViolations(page: Page): Promise<{ wcag: Violation[]; bestPractice: Violation[] }> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_21_AA_TAGS, "best-practice"]).analyze();
  const wcag = results.violations.filter((v) => v.tags.some((t) => WCAG_21_AA_TAGS.includes(t)));
  const bestPractice = results.violations.filter((v) => !wcag.includes(v));
  return { wcag: wcag.map(toViolation), bestPractice: bestPractice.map(toViolation) };
}

function toViolation(v: Result): Violation {
  return {
    rule: v.id,
    impact: v.impact ?? "unknown",
    help: v.help,
    targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(" ") : t)).join(" >> ")),
    summary: v.nodes[0]?.failureSummary?.split("\n").slice(0, 3).join(" ") ?? "",
  };
}

/** One line per violated rule: `rule (impact, N nodes): help: first target: why`. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map(
      (v) =>
        `${v.rule} (${v.impact}, ${v.targets.length} node${v.targets.length === 1 ? "" : "s"}): ${v.help}: ` +
        `${v.targets[0] ?? ""}: ${v.summary}`,
    )
    .join("\n");
}
