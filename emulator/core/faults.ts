/** Injected faults (control API): the first fault whose prefix matches the path, if its rate fires. */
import type { EmulatorContext, Fault } from "./context";

export const CONTROL_PREFIX = "/__emulator/";

export function pickFault(
  ctx: EmulatorContext,
  path: string,
  random: () => number = Math.random,
): Fault | null {
  // The control API is never faulted, so a test can always clear what it injected.
  if (path.startsWith(CONTROL_PREFIX)) return null;
  const fault = ctx.state.faults.find((f) => path.startsWith(f.prefix));
  if (!fault) return null;
  return random() < (fault.rate ?? 1) ? fault : null;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
