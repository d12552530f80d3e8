import { afterEach, describe, expect, it, vi } from "vitest";
import { OVER_BUDGET, withinBudget } from "./within-budget";

afterEach(() => vi.useRealTimers());

describe("withinBudget", () => {
  it("gives the answer when it comes in time, and the failure when that comes in time", async () => {
    await expect(withinBudget(Promise.resolve(42), 1_000)).resolves.toBe(42);
    await expect(withinBudget(Promise.resolve(null), 1_000)).resolves.toBeNull();
    await expect(withinBudget(Promise.reject(new Error("down")), 1_000)).rejects.toThrow("down");
  });

  it("stops waiting at the budget, and a late failure is not an unhandled rejection", async () => {
    vi.useFakeTimers();
    const unhandled = vi.fn();
    process.on("unhandledRejection", unhandled);
    try {
      let fail: (e: Error) => void = () => undefined;
      const slow = new Promise<number>((_resolve, reject) => {
        fail = reject;
      });
      const result = withinBudget(slow, 3_000);
      await vi.advanceTimersByTimeAsync(2_999);
      let settled = false;
      void result.then(() => (settled = true));
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(result).resolves.toBe(OVER_BUDGET);
      fail(new Error("late"));
      vi.useRealTimers();
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off("unhandledRejection", unhandled);
    }
  });
});
