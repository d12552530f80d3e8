/** The doctor's report: one entry per check, in the order they ran. Never holds a token or the secret value. */

export type CheckId =
  "config" | "token" | "server" | "clock" | "version" | "signin" | "workbooks" | "signout";

export type CheckStatus = "pass" | "fail" | "skip";

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** One line: what was found. */
  summary: string;
  /** Stable reason code for a failure, e.g. `tableau_unreachable`, `connected_app_127`, `clock_skew`. */
  reason?: string;
  /** The settings to look at, e.g. `["TABLEAU_CA_SECRET_VALUE", "TABLEAU_CA_SECRET_ID"]` or `["clock"]`. */
  fix?: string[];
  /** What to do, in a sentence or two. */
  advice?: string;
  /** Extra facts for humans and machines (decoded token header/claims, versions, skew). */
  details?: Record<string, unknown>;
}

export interface DoctorReport {
  ok: boolean;
  checks: CheckResult[];
}

export interface DoctorOptions {
  /** The variable source: normally `.env.local` merged under `process.env`. */
  env: Record<string, string | undefined>;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
  /** Local clock in ms (tests shift it). */
  now?: () => number;
  /** Per-request timeout, default 10 s. */
  timeoutMs?: number;
  /** `probe` (the ready route) stops after sign-in and sign-out, without listing workbooks. */
  mode?: "full" | "probe";
}

/** A check that did not run because an earlier one failed. */
export function skipped(id: CheckId, title: string, because: string): CheckResult {
  return { id, title, status: "skip", summary: `not run: ${because}` };
}
