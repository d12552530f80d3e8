import { afterEach, describe, expect, it, vi } from "vitest";
import { met, reportBudgets, type Budget } from "./budgets";

const budget = (kind: Budget["kind"], value: number): Budget => ({
  label: "x",
  value,
  limit: 1,
  kind,
  unit: "×",
});

describe("budgets", () => {
  const exitCode = process.exitCode;
  afterEach(() => {
    process.exitCode = exitCode;
    vi.restoreAllMocks();
  });

  it("reads each kind of limit the way design.md states it", () => {
    expect(met(budget("max", 1))).toBe(true);
    expect(met(budget("max", 1.01))).toBe(false);
    expect(met(budget("below", 1))).toBe(false);
    expect(met(budget("below", 0.99))).toBe(true);
    expect(met(budget("min", 1))).toBe(true);
    expect(met(budget("min", 0.99))).toBe(false);
  });

  it("prints every budget and fails the run only when one is missed", () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
    process.exitCode = undefined;
    expect(reportBudgets([{ ...budget("max", 0.8), label: "direct / peer", aim: 0.75 }])).toBe(true);
    expect(process.exitCode).toBeUndefined();
    expect(reportBudgets([budget("max", 0.9), budget("max", 1.2)])).toBe(false);
    expect(process.exitCode).toBe(1);
    expect(lines).toEqual([
      "budget: direct / peer 0.80× (limit ≤ 1×, aim ≤ 0.75×) PASS",
      "budget: x 0.90× (limit ≤ 1×) PASS",
      "budget: x 1.20× (limit ≤ 1×) FAIL",
    ]);
  });
});
