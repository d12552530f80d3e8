/**
 * Check 1: the seven TABLEAU_* variables, validated by the portal's own schema (lib/env-schema.ts) so the doctor
 * and the portal never disagree. Only those seven are the doctor's business.
 */
import { ConfigError, parseEnv, type Env } from "../env-schema";
import type { CheckResult } from "./types";

export const TABLEAU_VARIABLES = [
  "TABLEAU_SERVER",
  "TABLEAU_SITENAME",
  "TABLEAU_RESTAPI_VERSION",
  "TABLEAU_USERNAME",
  "TABLEAU_CA_CLIENT",
  "TABLEAU_CA_SECRET_ID",
  "TABLEAU_CA_SECRET_VALUE",
] as const;

export type TableauConfig = Env["tableau"];

// parseEnv also validates the portal's own variables; this stand-in keeps AUTH_SECRET out of the verdict. It is
// not a secret of anything: it is never used to sign.
const AUTH_SECRET_STAND_IN = "doctor-does-not-check-auth-secret-xxxxxxxx";

export function checkConfig(env: Record<string, string | undefined>): {
  result: CheckResult;
  config?: TableauConfig;
} {
  const source: Record<string, string | undefined> = { AUTH_SECRET: AUTH_SECRET_STAND_IN };
  for (const name of TABLEAU_VARIABLES) source[name] = env[name];
  const title = "Configuration";
  try {
    const { tableau } = parseEnv(source);
    const site = tableau.site === "" ? "the default site" : `site "${tableau.site}"`;
    return {
      config: tableau,
      result: {
        id: "config",
        title,
        status: "pass",
        summary: `all ${TABLEAU_VARIABLES.length} TABLEAU_* variables set: ${tableau.server}, ${site}, REST ${tableau.apiVersion}, user ${tableau.username}`,
      },
    };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const fix = TABLEAU_VARIABLES.filter((name) => err.issues.some((issue) => issue.startsWith(`${name} `)));
    return {
      result: {
        id: "config",
        title,
        status: "fail",
        summary: err.issues.join("; "),
        reason: "config_invalid",
        fix,
        advice: "Set these in .env.local (see .env.local.example) or in the environment.",
      },
    };
  }
}
