/**
 * A benchmark's budgets (design.md "Budgets"): each measured figure against its limit, printed one per line
 * with PASS or FAIL, and an exit status of 1 when any is missed, so `npm run bench` fails with it.
 */
export interface Budget {
  label: string;
  /** The measured figure, in `unit`. */
  value: number;
  limit: number;
  /** `max`: the figure must stay at or under the limit; `below`: strictly under; `min`: at or over. */
  kind: "max" | "below" | "min";
  unit: string;
  /** What the design aims at beyond the limit, reported but not enforced. */
  aim?: number;
  digits?: number;
}

export function met(budget: Budget): boolean {
  if (budget.kind === "max") return budget.value <= budget.limit;
  if (budget.kind === "below") return budget.value < budget.limit;
  return budget.value >= budget.limit;
}

/** Prints every budget and sets a failing exit status if one is missed. Returns whether all were met. */
export function reportBudgets(budgets: Budget[]): boolean {
  const sign = { max: "≤", below: "<", min: "≥" } as const;
  for (const budget of budgets) {
    const digits = budget.digits ?? 2;
    const figure = `${budget.value.toFixed(digits)}${budget.unit}`;
    const aim = budget.aim === undefined ? "" : `, aim ${sign[budget.kind]} ${budget.aim}${budget.unit}`;
    console.log(
      `budget: ${budget.label} ${figure} (limit ${sign[budget.kind]} ${budget.limit}${budget.unit}${aim}) ${met(budget) ? "PASS" : "FAIL"}`,
    );
  }
  const all = budgets.every(met);
  if (!all) process.exitCode = 1;
  return all;
}
