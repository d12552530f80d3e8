/** Prints a report for people: one line per check, then the advice and settings for each failure. */
import type { CheckResult, DoctorReport } from "./types";

const MARK = { pass: "✔", fail: "✘", skip: "–" } as const;

function lines(check: CheckResult): string[] {
  const out = [`${MARK[check.status]} ${check.title}: ${check.summary}`];
  if (check.id === "token" && check.details) {
    out.push(`    header: ${JSON.stringify(check.details.header)}`);
    out.push(`    claims: ${JSON.stringify(check.details.claims)}`);
  }
  if (check.status === "fail") {
    if (check.advice) out.push(`    ${check.advice}`);
    if (check.fix && check.fix.length > 0) out.push(`    fix: ${check.fix.join(", ")}`);
  }
  return out;
}

export function formatReport(report: DoctorReport): string {
  const failed = report.checks.filter((c) => c.status === "fail").length;
  const verdict = report.ok
    ? "All checks passed: Vizport can talk to Tableau."
    : `${failed} check${failed === 1 ? "" : "s"} failed.`;
  return [...report.checks.flatMap(lines), "", verdict, ""].join("\n");
}

/** The CLI's exit status: 0 only when every check passed. */
export function exitCode(report: DoctorReport): number {
  return report.ok ? 0 : 1;
}
