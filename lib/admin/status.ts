/**
 * What /admin/status shows: the configuration (names and non-secret values; a secret only as "set"), where
 * the durable and shared state live, the doctor's checks run now against Tableau, and the Connected App
 * refusals this instance has seen lately. Nothing here holds a secret value or a token.
 */
import "server-only";
import { describeDb } from "@/lib/db/config";
import { runDoctor } from "@/lib/doctor/run-doctor";
import type { DoctorReport } from "@/lib/doctor/types";
import { getEnv, rawEnvironment } from "@/lib/env";
import { envSchema } from "@/lib/env-schema";
import { recentSignInRefusals, type SignInRefusal } from "@/lib/tableau/server";

/** Variables whose values are never shown, only whether they are set. */
const SECRET = new Set([
  "TABLEAU_CA_SECRET_VALUE",
  "AUTH_SECRET",
  "DATABASE_URL",
  "REDIS_URL",
  "AUTH_OIDC_SECRET",
]);

export interface ConfigRow {
  name: string;
  value: string;
  secret: boolean;
}

export interface PortalStatus {
  config: ConfigRow[];
  database: string;
  report: DoctorReport;
  refusals: SignInRefusal[];
}

export function configRows(): ConfigRow[] {
  const raw = rawEnvironment();
  return Object.keys(envSchema.shape).map((name) => {
    const value = raw[name];
    const set = value !== undefined && value.trim() !== "";
    if (SECRET.has(name)) return { name, value: set ? "set" : "not set", secret: true };
    return { name, value: set ? value : "not set (default)", secret: false };
  });
}

export async function portalStatus(): Promise<PortalStatus> {
  const report = await runDoctor({ env: rawEnvironment(), timeoutMs: 5_000 });
  return {
    config: configRows(),
    database: describeDb(getEnv().database),
    report,
    refusals: recentSignInRefusals(),
  };
}
