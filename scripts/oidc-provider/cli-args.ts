/**
 * Settings of `tsx scripts/oidc-provider.ts`: flags win over environment variables, which win over the demo's
 * defaults. Parsed strictly: an unknown flag or a bad value is a usage error, not a surprise later.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_PEOPLE_FILE, type OidcProviderOptions } from "./server";

export const DEMO_OIDC_PORT = 8950;
export const DEMO_PORTAL = "http://localhost:3000";

export const USAGE = `Usage: tsx scripts/oidc-provider.ts [options]

  --port N                        port (default 8950; issuer http://localhost:N)     OIDC_PROVIDER_PORT
  --client-id ID                  the portal's client id (default vizport)           OIDC_PROVIDER_CLIENT_ID
  --client-secret SECRET          its secret (default: the demo's)                   OIDC_PROVIDER_CLIENT_SECRET
  --redirect-uri URI              allowed redirect URI; repeatable                   OIDC_PROVIDER_REDIRECT_URIS
                                  (default ${DEMO_PORTAL}/api/auth/callback/oidc)   (comma-separated)
  --post-logout-redirect-uri URI  allowed after sign-out; repeatable                 OIDC_PROVIDER_POST_LOGOUT_REDIRECT_URIS
                                  (default ${DEMO_PORTAL}/login)
  --people FILE                   demo people (default ${DEFAULT_PEOPLE_FILE})       OIDC_PROVIDER_PEOPLE_FILE
  --log                           one line per request
  --help                          show this help`;

/** The demo's client secret: published in this repository, so only for the local provider. */
export const DEMO_CLIENT_SECRET = "vizport-demo-oidc-client-secret";

export class UsageError extends Error {
  readonly code = "USAGE";
}

const uri = (flag: string) =>
  z.url({ protocol: /^https?$/, error: `${flag} must be an http(s) URL` }).refine((u) => !u.includes("#"), {
    error: `${flag} must not hold a fragment`,
  });

const settingsSchema = z.object({
  port: z
    .string()
    .regex(/^\d{1,5}$/, { error: "--port must be a whole number" })
    .transform(Number)
    .refine((n) => n <= 65535, { error: "--port must be at most 65535" }),
  clientId: z.string().min(1, { error: "--client-id must not be empty" }),
  clientSecret: z.string().min(16, { error: "--client-secret must be 16 characters or more" }),
  redirectUris: z.array(uri("--redirect-uri")).min(1),
  postLogoutRedirectUris: z.array(uri("--post-logout-redirect-uri")).min(1),
  peopleFile: z.string().min(1),
  log: z.boolean(),
  help: z.boolean(),
});

type Settings = OidcProviderOptions & { help: boolean };

const list = (value: string | undefined) =>
  value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);

export function parseSettings(argv: string[], env: Record<string, string | undefined>): Settings {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        "client-id": { type: "string" },
        "client-secret": { type: "string" },
        "redirect-uri": { type: "string", multiple: true },
        "post-logout-redirect-uri": { type: "string", multiple: true },
        people: { type: "string" },
        log: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const parsed = settingsSchema.safeParse({
    port: values.port ?? env.OIDC_PROVIDER_PORT ?? String(DEMO_OIDC_PORT),
    clientId: values["client-id"] ?? env.OIDC_PROVIDER_CLIENT_ID ?? "vizport",
    clientSecret: values["client-secret"] ?? env.OIDC_PROVIDER_CLIENT_SECRET ?? DEMO_CLIENT_SECRET,
    redirectUris: values["redirect-uri"] ??
      list(env.OIDC_PROVIDER_REDIRECT_URIS) ?? [`${DEMO_PORTAL}/api/auth/callback/oidc`],
    postLogoutRedirectUris: values["post-logout-redirect-uri"] ??
      list(env.OIDC_PROVIDER_POST_LOGOUT_REDIRECT_URIS) ?? [`${DEMO_PORTAL}/login`],
    peopleFile: values.people ?? env.OIDC_PROVIDER_PEOPLE_FILE ?? DEFAULT_PEOPLE_FILE,
    log: values.log ?? false,
    help: values.help ?? false,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join("; "));
  return parsed.data;
}
