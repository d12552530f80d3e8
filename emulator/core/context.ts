/**
 * What every emulator handler receives: the site, the mutable state (sessions, replay cache, clock, faults)
 * and the configuration. One context per running emulator; `reset()` in the control API restores it.
 */
import type { StoredFavorite } from "../rest/favorites";
import type { CustomViewStore } from "./custom-views";
import type { SiteData, SiteUser } from "./site";

export interface EmulatorConfig {
  /** The emulator's own origin as clients reach it, e.g. `http://localhost:8900`. */
  publicUrl: string;
  /** Idle lifetime of a REST or embed session, minutes (Tableau Server: 240). */
  sessionIdleMinutes: number;
  /** Allowed clock skew when checking `exp`, `nbf`, `iat`, seconds. */
  skewSeconds: number;
  /** Oldest and newest REST API versions accepted in the path. */
  minApiVersion: string;
  maxApiVersion: string;
  /** Seed for faults injected without one (`--fault-seed`); unset: each fault gets a fresh seed. */
  faultSeed?: number;
}

/** What a valid Connected App JWT established: the user, scopes and the attribute claims that travel along. */
export interface JwtIdentity {
  user: SiteUser;
  clientId: string;
  scopes: string[];
  /** Every non-registered claim (e.g. `Region`), plus `https://tableau.com/groups`. */
  attributes: Record<string, string | string[]>;
  jti: string;
}

export interface Session {
  /** REST: the `X-Tableau-Auth` token; embed: the cookie value. */
  id: string;
  kind: "rest" | "embed";
  identity: JwtIdentity;
  createdAt: number;
  lastUsedAt: number;
}

export interface SigninRecord {
  at: string;
  kind: "rest" | "embed" | "embed-target";
  outcome: "ok" | "rejected";
  /** Tableau error code when rejected (e.g. "401001") and the Connected App sub-code (e.g. 16). */
  code?: string;
  connectedAppCode?: number;
  user?: string;
  scopes?: string[];
  attributes?: Record<string, string | string[]>;
  jti?: string;
  origin?: string;
}

export interface Fault {
  /** Path prefix the fault applies to, e.g. `/api/` or `/vizportal/`. */
  prefix: string;
  /** Answer with this HTTP status (e.g. 503) instead of handling the request. */
  status?: number;
  /** Share of matching requests that fail, 0..1 (default 1). */
  rate?: number;
  /** Seed of the draws that decide which requests a `rate` below 1 fails (core/faults.ts). */
  seed: number;
  /** Extra delay before answering, ms. */
  latencyMs?: number;
  /** Close the connection without answering (Tableau down). */
  down?: boolean;
}

export interface EmulatorState {
  clockOffsetMs: number;
  sessions: Map<string, Session>;
  /** jti → expiry (ms) of the token that used it; pruned once expired. */
  seenJti: Map<string, number>;
  signins: SigninRecord[];
  faults: Fault[];
  /** Requests seen, by route prefix, for benchmarks counting REST calls. */
  requestCount: number;
  /** Requests seen by prefix (`/api/`, `/vizportal/`, `/t/`, …): the control API's `GET stats`. */
  requestsByPrefix: Record<string, number>;
  /** Times each view (by id) was opened on its view page: the REST usage statistics. */
  viewLoads: Map<string, number>;
  /** Rendered downloads kept for `maxAge` (rest/render-cache.ts), keyed by what shaped their content. */
  renderCache: Map<string, { at: number; body: Buffer }>;
  /** Each user's favorites (by user id), in the order they were added (rest/favorites.ts). */
  favorites: Map<string, StoredFavorite[]>;
  /** Custom views and each user's default ones (core/custom-views.ts). */
  customViews: CustomViewStore;
  /** Requests an injected fault failed (a status answered or the connection closed), for `GET stats`. */
  faultedCount: number;
}

export interface EmulatorContext {
  site: SiteData;
  config: EmulatorConfig;
  state: EmulatorState;
  /** Emulator time in ms (real time plus the control API's clock offset). */
  now(): number;
}
