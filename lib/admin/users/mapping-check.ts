/**
 * Whether each account's Tableau username is a user of the site, checked through REST (Get Users on Site) as
 * the portal's own directory principal (lib/tableau/server.ts). A failed check says why; it never blocks the
 * console.
 */
import "server-only";
import type { Account } from "@/lib/db/repositories/accounts";
import { OVER_BUDGET, withinBudget } from "@/lib/catalog/within-budget";
import { explainTableauError, type SiteUser } from "@/lib/tableau/rest";
import { findSiteUsers } from "@/lib/tableau/server";

export type MappingCheck =
  | { kind: "ok"; siteRole: string }
  | { kind: "missing"; username: string }
  | { kind: "unmapped" }
  | { kind: "unknown"; reason: string };

const CHECK_BUDGET_MS = 5_000;

/** One check per account id. */
export async function checkMappings(accounts: readonly Account[]): Promise<Map<string, MappingCheck>> {
  const checks = new Map<string, MappingCheck>();
  const names = accounts.flatMap((a) => (a.tableau ? [a.tableau.username] : []));
  let found: Map<string, SiteUser> | undefined;
  let reason = "";
  if (names.length) {
    try {
      const result = await withinBudget(findSiteUsers(names), CHECK_BUDGET_MS);
      if (result === OVER_BUDGET) reason = "Tableau did not answer within 5 seconds.";
      else found = result;
    } catch (error) {
      reason = explainTableauError(error).message;
    }
  }
  for (const account of accounts) {
    if (!account.tableau) checks.set(account.id, { kind: "unmapped" });
    else if (!found) checks.set(account.id, { kind: "unknown", reason });
    else {
      const user = found.get(account.tableau.username);
      checks.set(
        account.id,
        user
          ? { kind: "ok", siteRole: user.siteRole }
          : { kind: "missing", username: account.tableau.username },
      );
    }
  }
  return checks;
}

/** The words the console shows for a check. */
export function describeMapping(check: MappingCheck): string {
  switch (check.kind) {
    case "ok":
      return `exists, site role ${check.siteRole}`;
    case "missing":
      return "not a user of the site: this person would see error 5";
    case "unmapped":
      return "no Tableau user: this person sees no dashboards";
    case "unknown":
      return `not checked: ${check.reason}`;
  }
}
