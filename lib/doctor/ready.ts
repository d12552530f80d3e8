/**
 * Readiness for `GET /api/ready`: the doctor's probe (configuration, serverinfo, clock, REST sign-in and
 * sign-out) folded into four yes/no answers with a short reason code, cached briefly so polling stays cheap.
 * Nothing here holds a secret or a token: only check outcomes.
 */
import { runDoctor } from "./run-doctor";
import type { CheckId, DoctorOptions, DoctorReport } from "./types";

export interface ReadyCheck {
  ok: boolean;
  /** Why not, as a stable code, e.g. `config_invalid`, `tableau_unreachable`, `connected_app_127`, `clock_skew`. */
  reason?: string;
}

export interface Readiness {
  ok: boolean;
  checks: { config: ReadyCheck; tableau: ReadyCheck; signin: ReadyCheck; clock: ReadyCheck };
}

const NOT_CHECKED: ReadyCheck = { ok: false, reason: "not_checked" };

function outcome(report: DoctorReport, ids: CheckId[]): ReadyCheck {
  for (const id of ids) {
    const check = report.checks.find((c) => c.id === id);
    if (!check) return NOT_CHECKED;
    if (check.status === "skip") return NOT_CHECKED;
    if (check.status === "fail") return { ok: false, reason: check.reason ?? `${id}_failed` };
  }
  return { ok: true };
}

/**
 * `configError` is the portal's own verdict on its whole configuration (getEnv), which is wider than the
 * doctor's seven variables: when it is set, nothing else is probed.
 */
export async function probeReadiness(
  opts: DoctorOptions,
  configError?: { code: string },
): Promise<Readiness> {
  if (configError) {
    return {
      ok: false,
      checks: {
        config: { ok: false, reason: "config_invalid" },
        tableau: NOT_CHECKED,
        signin: NOT_CHECKED,
        clock: NOT_CHECKED,
      },
    };
  }
  const report = await runDoctor({ ...opts, mode: "probe" });
  const checks = {
    config: outcome(report, ["config"]),
    tableau: outcome(report, ["server", "version"]),
    signin: outcome(report, ["token", "signin"]),
    clock: outcome(report, ["clock"]),
  };
  return { ok: Object.values(checks).every((c) => c.ok), checks };
}

/**
 * Caches `probe`'s answer for `ttlMs`, with one probe in flight however many pollers ask at once, so a load
 * balancer polling every few seconds causes at most one Tableau sign-in per `ttlMs`.
 */
export function cachedProbe(
  probe: () => Promise<Readiness>,
  opts: { ttlMs: number; now?: () => number },
): () => Promise<Readiness> {
  const now = opts.now ?? Date.now;
  let cached: { value: Readiness; at: number } | undefined;
  let inflight: Promise<Readiness> | undefined;
  return () => {
    if (cached && now() - cached.at < opts.ttlMs) return Promise.resolve(cached.value);
    inflight ??= probe()
      .then((value) => {
        cached = { value, at: now() };
        return value;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
}
