/**
 * Bounds how long a page waits for something it can do without: the answer if it comes within the budget, else
 * `OVER_BUDGET`. The work is not cancelled (a REST call that finishes late still warms the session cache), and a
 * late failure is not an unhandled rejection: Promise.race has already subscribed to it.
 */
export const OVER_BUDGET: unique symbol = Symbol("over budget");

export async function withinBudget<T>(work: Promise<T>, budgetMs: number): Promise<T | typeof OVER_BUDGET> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const budget = new Promise<typeof OVER_BUDGET>((resolve) => {
    timer = setTimeout(() => resolve(OVER_BUDGET), budgetMs);
  });
  try {
    return await Promise.race([work, budget]);
  } finally {
    clearTimeout(timer);
  }
}
