/**
 * Builds an {@link EmulatorContext}: the parsed site, the configuration with its defaults, and fresh state.
 * `resetState` gives the control API's `POST /__emulator/reset` the same starting point.
 */
import type { EmulatorConfig, EmulatorContext, EmulatorState } from "./context";
import { emptyCustomViewStore } from "./custom-views";
import type { SiteData } from "./site";

export const DEFAULT_CONFIG: EmulatorConfig = {
  publicUrl: "http://localhost:8900",
  sessionIdleMinutes: 240,
  skewSeconds: 60,
  minApiVersion: "2.0",
  maxApiVersion: "3.28",
};

export function freshState(): EmulatorState {
  return {
    clockOffsetMs: 0,
    sessions: new Map(),
    seenJti: new Map(),
    signins: [],
    faults: [],
    requestCount: 0,
    requestsByPrefix: {},
    viewLoads: new Map(),
    renderCache: new Map(),
    faultedCount: 0,
    favorites: new Map(),
    customViews: emptyCustomViewStore(),
  };
}

export function createContext(site: SiteData, config: Partial<EmulatorConfig> = {}): EmulatorContext {
  const ctx: EmulatorContext = {
    site,
    config: { ...DEFAULT_CONFIG, ...config },
    state: freshState(),
    now: () => Date.now() + ctx.state.clockOffsetMs,
  };
  return ctx;
}

/** Clears sessions, replay cache, sign-ins, faults, counters and the clock offset; keeps site and config. */
export function resetState(ctx: EmulatorContext): void {
  ctx.state = freshState();
}
