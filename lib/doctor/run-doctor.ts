/**
 * The doctor's core: runs the checks in order against the configured Tableau and returns the report. The CLI
 * (scripts/doctor.ts) prints it; the ready route (app/api/ready) runs it in `probe` mode.
 */
import { checkConfig } from "./config";
import { restChecks } from "./rest";
import { clockCheck, serverCheck, versionCheck } from "./server-checks";
import { fetchServerInfo, ServerInfoError } from "./server-info";
import { checkToken } from "./token";
import { skipped, type CheckResult, type DoctorOptions, type DoctorReport } from "./types";

export async function runDoctor(opts: DoctorOptions): Promise<DoctorReport> {
  const now = opts.now ?? Date.now;
  const fetchFn = opts.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const full = (opts.mode ?? "full") === "full";
  const checks: CheckResult[] = [];
  const done = (): DoctorReport => ({ ok: checks.every((c) => c.status === "pass"), checks });

  const { result, config } = checkConfig(opts.env);
  checks.push(result);
  if (!config) {
    const because = "the configuration is invalid";
    checks.push(
      skipped("token", "REST token", because),
      skipped("server", "Tableau server", because),
      skipped("clock", "Clock", because),
      skipped("version", "REST API version", because),
      skipped("signin", "REST sign-in", because),
      ...(full ? [skipped("workbooks", "Workbooks", because)] : []),
      skipped("signout", "Sign-out", because),
    );
    return done();
  }

  checks.push(await checkToken(config, now()));

  const info = await fetchServerInfo(config, fetchFn, timeoutMs).catch((err: unknown) => {
    if (err instanceof ServerInfoError) return err;
    throw err;
  });
  if (info instanceof ServerInfoError) {
    const because = "Tableau cannot be reached";
    checks.push(
      serverCheck(config, info),
      skipped("clock", "Clock", because),
      skipped("version", "REST API version", because),
      skipped("signin", "REST sign-in", because),
      ...(full ? [skipped("workbooks", "Workbooks", because)] : []),
      skipped("signout", "Sign-out", because),
    );
    return done();
  }
  checks.push(
    serverCheck(config, info.info),
    clockCheck(info.info, now()),
    versionCheck(config, info.info, info.configuredVersionAnswered),
  );

  // Sign-in runs even after a clock or version failure: Tableau's own answer (e.g. code 16) confirms the cause.
  checks.push(...(await restChecks(config, { fetch: fetchFn, now, timeoutMs, listWorkbooks: full })));
  return done();
}
