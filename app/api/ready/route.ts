/**
 * GET /api/ready: can this portal serve users? Configuration valid, Tableau reachable, a REST sign-in probe
 * succeeding, clocks within a minute. 200 when ready, 503 when not; only yes/no and a short reason code per
 * check, never a secret, a token or a message from Tableau, so it needs no session.
 * The probe signs in and out of Tableau, so its answer is reused for 10 s. The `store` check (Redis, with
 * REDIS_URL) is a PING made on every call: `store_unavailable` while Redis does not answer. The portal still
 * serves signed-in users then, but refuses sign-ins, so a load balancer should prefer another instance.
 */
import "server-only";
import { getEnv, rawEnvironment } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { jsonResponse } from "@/lib/http/json-error";
import { checkStore, shared } from "@/lib/store";
import { cachedProbe, probeReadiness } from "@/lib/doctor/ready";

export const dynamic = "force-dynamic";

const PROBE_TIMEOUT_MS = 5_000;

function configError(): { code: string } | undefined {
  try {
    getEnv();
    return undefined;
  } catch {
    return { code: "config_invalid" };
  }
}

const probe = () =>
  shared("ready.probe", () =>
    cachedProbe(() => probeReadiness({ env: rawEnvironment(), timeoutMs: PROBE_TIMEOUT_MS }, configError()), {
      ttlMs: 10_000,
    }),
  );

export const GET = apiRoute(async () => {
  try {
    // An invalid configuration (reported as `config`) leaves the store unchecked.
    const unchecked = { kind: "memory", ok: false, reason: "not_checked" } as const;
    const [readiness, health] = await Promise.all([probe()(), checkStore().catch(() => unchecked)]);
    const store = health.ok ? { ok: true } : { ok: false, reason: health.reason };
    const ok = readiness.ok && store.ok;
    return jsonResponse(
      { ok, checks: { ...readiness.checks, store } },
      {
        status: ok ? 200 : 503,
        headers: { "Cache-Control": "no-store" },
      },
    );
  } catch {
    // The probe reports failures as checks; this is only a last guard so the answer stays JSON, never a 500 page.
    const failed = { ok: false, reason: "probe_failed" };
    return jsonResponse(
      {
        ok: false,
        checks: { config: failed, tableau: failed, signin: failed, clock: failed, store: failed },
      },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
});
