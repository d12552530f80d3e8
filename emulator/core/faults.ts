/**
 * Injected faults (control API): the first fault whose prefix matches the path, if its rate fires.
 *
 * A fault that fails a share of requests draws from a seeded PRNG, so a test that gives a seed sees the same
 * requests fail every run. Each request target (method, path and query) has its own stream, seeded by the
 * fault's seed and the target: the n-th request to a URL fails or not whatever other requests ran in between,
 * so requests the portal makes in parallel cannot reorder the draws.
 */
import { randomInt } from "node:crypto";
import { seededRandom } from "../generate/prng";
import type { EmulatorContext, Fault } from "./context";

export const CONTROL_PREFIX = "/__emulator/";

/** A request as the fault table sees it. */
export interface FaultTarget {
  method: string;
  url: URL;
}

const streams = new WeakMap<Fault, Map<string, () => number>>();

export function pickFault(ctx: EmulatorContext, target: FaultTarget): Fault | null {
  const path = target.url.pathname;
  // The control API is never faulted, so a test can always clear what it injected.
  if (path.startsWith(CONTROL_PREFIX)) return null;
  const fault = ctx.state.faults.find((f) => path.startsWith(f.prefix));
  if (!fault) return null;
  const rate = fault.rate ?? 1;
  if (rate >= 1) return fault;
  return draw(fault, `${target.method} ${path}${target.url.search}`) < rate ? fault : null;
}

/** The next number of the stream for `key` under this fault's seed. */
function draw(fault: Fault, key: string): number {
  let byKey = streams.get(fault);
  if (!byKey) {
    byKey = new Map();
    streams.set(fault, byKey);
  }
  let next = byKey.get(key);
  if (!next) {
    next = seededRandom(fnv1a(`${fault.seed}:${key}`));
    byKey.set(key, next);
  }
  return next();
}

/** The seed a new fault gets when the request names none: the CLI's, else a fresh one the API reports back. */
export function defaultFaultSeed(ctx: EmulatorContext): number {
  return ctx.config.faultSeed ?? randomInt(0, 2 ** 32);
}

/** 32-bit FNV-1a: spreads similar keys (`…/views` and `…/views?pageNumber=2`) over unrelated seeds. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
