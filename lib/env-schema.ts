/**
 * The configuration schema, free of `server-only` and of `process.env` so unit tests can parse any source.
 * Every message names the variable and what is wrong with it, never the value it holds: several are secrets.
 */
import { z } from "zod";
import { databaseFileSchema, databaseUrlSchema, toDbConfig, type DbConfig } from "./db/config";
import { redisUrl } from "./env-redis-url";
import { ssoEnvIssues, ssoEnvShape, toSsoEnv, type SsoEnv } from "./env-sso";

/** One bad or missing variable stops start-up; the message lists every one by name. */
export class ConfigError extends Error {
  readonly code = "CONFIG_INVALID";
  readonly issues: string[];

  constructor(issues: string[]) {
    super(`Invalid configuration (${issues.length}):\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
    this.issues = issues;
  }
}

export interface Env {
  tableau: {
    /** Scheme and host, no trailing slash, e.g. `https://10ay.online.tableau.com`. */
    server: string;
    /** Site contentUrl; "" is the default site. */
    site: string;
    apiVersion: string;
    /** The Tableau user the doctor and admin checks act as. */
    username: string;
    clientId: string;
    secretId: string;
    secretValue: string;
  };
  authSecret: string;
  /** PostgreSQL when DATABASE_URL is set, else an embedded SQLite file (lib/db). */
  database: DbConfig;
  tokenLifetimeSeconds: number;
  embedLibrary: "server" | "bundled";
  vizTimeoutSeconds: number;
  /** Per-attempt timeout of the portal's REST calls to Tableau. */
  tableauTimeoutSeconds: number;
  embedScopes: string[];
  /** VIZPORT_DEMO=1: the demo, the e2e suite and the benches; the only mode that accepts published secrets. */
  demo: boolean;
  /** NODE_ENV=production (`next start`). */
  production: boolean;
  /** How many reverse proxies in front of the portal append to X-Forwarded-For (0: trust none of it). */
  trustedProxyHops: number;
  session: {
    /** Absolute lifetime: a session ends this long after sign-in, however active. */
    maxAgeSeconds: number;
    /** A session with no request for this long ends. */
    idleSeconds: number;
  };
  /** Single sign-on (OpenID Connect) and whether password sign-in is offered (env-sso.ts). */
  sso: SsoEnv;
  /** Sign-in and token limits (lib/auth/sign-in-limits.ts, lib/store). */
  rateLimits: {
    signInFailuresPerAccount: number;
    signInAttemptsPerAddress: number;
    signInWindowSeconds: number;
    tokenRequestsPerMinute: number;
  };
  /** Serves the view-page benchmark's peer page (/bench/peer/…); off everywhere but the benchmark. */
  benchPeerPage: boolean;
  /** The shared store (rate limits, revocations, REST sessions, caches); null keeps all of it in memory. */
  redisUrl: string | null;
  caches: {
    /** How long a principal's catalog listing is reused; 0 reads Tableau on every page load. */
    catalogSeconds: number;
    /** Upper bound of the thumbnail cache, in bytes (per instance in memory; in all of Redis with REDIS_URL). */
    thumbnailBytes: number;
  };
}

type Source = Record<string, string | undefined>;

// An empty variable (`FOO=` in a .env file) counts as unset, except where "" has a meaning.
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const required = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: (issue) => (issue.input === undefined ? "is required" : `must be ${what}`) }).trim(),
  );

const integer = (fallback: number, min: number, max: number, unit = "seconds") =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d+$/, { error: `must be a whole number of ${unit} from ${min} to ${max}` })
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
      .optional()
      .transform((value) => value ?? fallback),
  );

const flag = (name: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .enum(["1", "0", "true", "false"], { error: `must be 1 or 0 (${name})` })
      .optional()
      .transform((value) => value === "1" || value === "true"),
  );

const apiVersion = required("a REST API version").refine(
  (value) => {
    const match = /^3\.(\d+)$/.exec(value);
    return match !== null && Number(match[1]) >= 17;
  },
  { error: "must be a REST API version of 3.17 or later, e.g. 3.28 (JWT sign-in needs 3.17+)" },
);

const server = required("a URL").refine(
  (value) => {
    try {
      const url = new URL(value);
      const bare = url.pathname.replace(/\/+$/, "") === "" && !/[?#@]/.test(value);
      return (url.protocol === "https:" || url.protocol === "http:") && bare;
    } catch {
      return false;
    }
  },
  { error: "must be the server's address with its scheme and no path, e.g. https://10ay.online.tableau.com" },
);

const scopes = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((value) => (value ?? "tableau:views:embed").split(",").map((scope) => scope.trim()))
    .refine((list) => list.every((scope) => /^tableau:[a-z_]+:[a-z_*]+$/.test(scope)), {
      error: "must be a comma-separated list of Tableau scopes, e.g. tableau:views:embed",
    }),
);

export const envSchema = z.object({
  TABLEAU_SERVER: server,
  // The default site's contentUrl is "", so blank is allowed here but unset is not.
  TABLEAU_SITENAME: z
    .string({ error: "is required (leave it empty for the default site)" })
    .trim()
    .regex(/^[A-Za-z0-9_-]*$/, { error: "must be the site's contentUrl (letters, digits, - and _)" }),
  TABLEAU_RESTAPI_VERSION: apiVersion,
  TABLEAU_USERNAME: required("a Tableau username"),
  TABLEAU_CA_CLIENT: required("the Connected App's client id"),
  TABLEAU_CA_SECRET_ID: required("the Connected App secret's id"),
  TABLEAU_CA_SECRET_VALUE: required("the Connected App secret's value"),
  AUTH_SECRET: required("a random string").refine((value) => value.length >= 32, {
    error: "must be at least 32 characters (generate one with: openssl rand -base64 32)",
  }),
  DATABASE_URL: databaseUrlSchema,
  VIZPORT_DATABASE_FILE: databaseFileSchema,
  VIZPORT_TOKEN_LIFETIME_SECONDS: integer(300, 1, 600),
  VIZPORT_EMBED_LIBRARY: z.preprocess(
    blankToUndefined,
    z.enum(["server", "bundled"], { error: 'must be "server" or "bundled"' }).default("server"),
  ),
  VIZPORT_VIZ_TIMEOUT_SECONDS: integer(20, 1, 300),
  VIZPORT_TABLEAU_TIMEOUT_SECONDS: integer(10, 1, 120),
  VIZPORT_EMBED_SCOPES: scopes,
  VIZPORT_SIGNIN_FAILURES_PER_ACCOUNT: integer(5, 1, 1000, "attempts"),
  VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: integer(20, 1, 100_000, "attempts"),
  VIZPORT_SIGNIN_WINDOW_SECONDS: integer(900, 1, 86_400),
  VIZPORT_TOKEN_REQUESTS_PER_MINUTE: integer(30, 1, 100_000, "requests"),
  VIZPORT_DEMO: flag("demo mode"),
  VIZPORT_TRUSTED_PROXY_HOPS: integer(0, 0, 10, "proxies"),
  VIZPORT_SESSION_MAX_HOURS: integer(8, 1, 720, "hours"),
  VIZPORT_SESSION_IDLE_MINUTES: integer(60, 1, 43_200, "minutes"),
  VIZPORT_BENCH_PEER_PAGE: flag("the view-page benchmark's peer page"),
  REDIS_URL: redisUrl,
  VIZPORT_CATALOG_CACHE_SECONDS: integer(30, 0, 3600),
  VIZPORT_THUMBNAIL_CACHE_MB: integer(32, 1, 4096, "megabytes"),
  ...ssoEnvShape,
});

const checkedSchema = envSchema.superRefine((env, context) => {
  if (env.VIZPORT_SESSION_IDLE_MINUTES > env.VIZPORT_SESSION_MAX_HOURS * 60) {
    context.addIssue({
      code: "custom",
      path: ["VIZPORT_SESSION_IDLE_MINUTES"],
      message: "must not be longer than VIZPORT_SESSION_MAX_HOURS",
    });
  }
  for (const issue of ssoEnvIssues(env))
    context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});

/** Parses a variable source (normally `process.env`) into the portal's configuration, or throws ConfigError. */
export function parseEnv(source: Source): Env {
  const result = checkedSchema.safeParse(source);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError([...new Set(issues)]);
  }
  const env = result.data;
  return {
    tableau: {
      server: env.TABLEAU_SERVER.replace(/\/+$/, ""),
      site: env.TABLEAU_SITENAME,
      apiVersion: env.TABLEAU_RESTAPI_VERSION,
      username: env.TABLEAU_USERNAME,
      clientId: env.TABLEAU_CA_CLIENT,
      secretId: env.TABLEAU_CA_SECRET_ID,
      secretValue: env.TABLEAU_CA_SECRET_VALUE,
    },
    authSecret: env.AUTH_SECRET,
    database: toDbConfig(env.DATABASE_URL, env.VIZPORT_DATABASE_FILE),
    tokenLifetimeSeconds: env.VIZPORT_TOKEN_LIFETIME_SECONDS,
    embedLibrary: env.VIZPORT_EMBED_LIBRARY,
    vizTimeoutSeconds: env.VIZPORT_VIZ_TIMEOUT_SECONDS,
    tableauTimeoutSeconds: env.VIZPORT_TABLEAU_TIMEOUT_SECONDS,
    embedScopes: env.VIZPORT_EMBED_SCOPES,
    demo: env.VIZPORT_DEMO,
    production: source.NODE_ENV === "production",
    trustedProxyHops: env.VIZPORT_TRUSTED_PROXY_HOPS,
    session: {
      maxAgeSeconds: env.VIZPORT_SESSION_MAX_HOURS * 3600,
      idleSeconds: env.VIZPORT_SESSION_IDLE_MINUTES * 60,
    },
    sso: toSsoEnv(env),
    rateLimits: {
      signInFailuresPerAccount: env.VIZPORT_SIGNIN_FAILURES_PER_ACCOUNT,
      signInAttemptsPerAddress: env.VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS,
      signInWindowSeconds: env.VIZPORT_SIGNIN_WINDOW_SECONDS,
      tokenRequestsPerMinute: env.VIZPORT_TOKEN_REQUESTS_PER_MINUTE,
    },
    benchPeerPage: env.VIZPORT_BENCH_PEER_PAGE,
    redisUrl: env.REDIS_URL ?? null,
    caches: {
      catalogSeconds: env.VIZPORT_CATALOG_CACHE_SECONDS,
      thumbnailBytes: env.VIZPORT_THUMBNAIL_CACHE_MB * 1024 * 1024,
    },
  };
}
