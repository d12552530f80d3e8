/**
 * The single sign-on part of the configuration (env-schema.ts merges it): the OpenID Connect provider
 * (`AUTH_OIDC_*`), whether the password form is offered, the rules file that seeds the database, and how long a
 * call to the provider may take. Messages name the variable, never its value (`AUTH_OIDC_SECRET` is a secret).
 */
import { z } from "zod";

export interface OidcSettings {
  /** Exactly as the provider's discovery document states it: the comparison is character for character. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the login page: "Sign in with {name}". */
  name: string;
  scopes: string[];
}

export interface SsoEnv {
  /** Null when single sign-on is not configured. */
  oidc: OidcSettings | null;
  /** VIZPORT_LOCAL_ACCOUNTS=false hides the password form and refuses password sign-ins. */
  localAccounts: boolean;
  /** Seeds the rules table when it is empty (docs/sso-rules.md). */
  rulesFile: string | null;
  /** Per-request timeout of the portal's calls to the provider (discovery, token, userinfo). */
  timeoutSeconds: number;
}

const blank = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const text = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());

const issuerSchema = z.preprocess(
  blank,
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return (url.protocol === "https:" || url.protocol === "http:") && !url.search && !url.hash;
        } catch {
          return false;
        }
      },
      { error: "must be the provider's issuer URL, e.g. https://login.example.com/realms/main" },
    )
    .optional(),
);

const scopesSchema = z.preprocess(
  blank,
  z
    .string()
    .optional()
    .transform((value) => [...new Set((value ?? "openid email profile").split(/[\s,]+/).filter(Boolean))])
    .refine((list) => list.includes("openid"), { error: 'must include "openid"' })
    .refine((list) => list.every((scope) => /^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/.test(scope)), {
      error: "must be scope names separated by spaces, e.g. openid email profile groups",
    }),
);

const localAccountsSchema = z.preprocess(
  blank,
  z
    .enum(["1", "0", "true", "false"], { error: "must be true or false" })
    .optional()
    .transform((value) => value !== "0" && value !== "false"),
);

const timeoutSchema = z.preprocess(
  blank,
  z
    .string()
    .regex(/^\d+$/, { error: "must be a whole number of seconds from 1 to 60" })
    .transform(Number)
    .pipe(z.number().min(1, "must be at least 1").max(60, "must be at most 60"))
    .optional()
    .transform((value) => value ?? 10),
);

export const ssoEnvShape = {
  AUTH_OIDC_ISSUER: issuerSchema,
  AUTH_OIDC_ID: text(512),
  AUTH_OIDC_SECRET: text(4096),
  AUTH_OIDC_NAME: text(60),
  AUTH_OIDC_SCOPES: scopesSchema,
  VIZPORT_LOCAL_ACCOUNTS: localAccountsSchema,
  VIZPORT_SSO_RULES_FILE: text(4096),
  VIZPORT_SSO_TIMEOUT_SECONDS: timeoutSchema,
};

type Parsed = z.output<z.ZodObject<typeof ssoEnvShape>>;

/** Cross-variable checks: a half-configured provider, or a portal nobody could sign in to. */
export function ssoEnvIssues(env: Parsed): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (env.AUTH_OIDC_ISSUER) {
    if (!env.AUTH_OIDC_ID)
      issues.push({ path: "AUTH_OIDC_ID", message: "is required with AUTH_OIDC_ISSUER" });
    if (!env.AUTH_OIDC_SECRET)
      issues.push({ path: "AUTH_OIDC_SECRET", message: "is required with AUTH_OIDC_ISSUER" });
  } else {
    for (const name of ["AUTH_OIDC_ID", "AUTH_OIDC_SECRET"] as const)
      if (env[name]) issues.push({ path: "AUTH_OIDC_ISSUER", message: `is required with ${name}` });
    if (!env.VIZPORT_LOCAL_ACCOUNTS)
      issues.push({
        path: "VIZPORT_LOCAL_ACCOUNTS",
        message: "may be false only with single sign-on (AUTH_OIDC_ISSUER): nobody could sign in",
      });
  }
  return issues;
}

export function toSsoEnv(env: Parsed): SsoEnv {
  const issuer = env.AUTH_OIDC_ISSUER;
  return {
    oidc:
      issuer && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET
        ? {
            issuer,
            clientId: env.AUTH_OIDC_ID,
            clientSecret: env.AUTH_OIDC_SECRET,
            name: env.AUTH_OIDC_NAME ?? "single sign-on",
            scopes: env.AUTH_OIDC_SCOPES,
          }
        : null,
    localAccounts: env.VIZPORT_LOCAL_ACCOUNTS,
    rulesFile: env.VIZPORT_SSO_RULES_FILE ?? null,
    timeoutSeconds: env.VIZPORT_SSO_TIMEOUT_SECONDS,
  };
}
