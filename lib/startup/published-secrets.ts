/**
 * Values this repository publishes: the example AUTH_SECRET in .env.local.example and the session secrets of
 * the tests, the demo OpenID Connect provider's client secret, and the demo accounts' password. Anyone can read them, so a production start refuses them (only
 * demo mode, VIZPORT_DEMO=1, accepts them). Kept as SHA-256 digests so this file does not itself publish them
 * once more; published-secrets.test.ts holds the list against the files that publish them.
 */
import { createHash } from "node:crypto";

const PUBLISHED_AUTH_SECRET_DIGESTS = new Set([
  // .env.local.example
  "42c1cc5221d46a78892b6938d8a38f16c2c0bc6764850b64e1d227a095d1ee18",
  // e2e/servers.ts (E2E_AUTH_SECRET)
  "e502f2e57b25341dcf3c9d6b58f680699742333d2911996dbada72c09ee7a03d",
  // test/valid-env.ts (TEST_AUTH_SECRET)
  "3d672db56a6637622d26a878175a9019eef038fa36d5aa027fdf5a206c39c186",
]);

// The local OpenID Connect provider's demo client secret (scripts/oidc-provider/cli-args.ts DEMO_CLIENT_SECRET).
const PUBLISHED_OIDC_SECRET_DIGESTS = new Set([
  "b6e47d7ef2908d556d78fba62d9ace84edfb05acbf1cf6e23b08f59ed6dc9166",
]);

/** The demo accounts' password (README, data/directory.json). */
export const DEMO_PASSWORD = "vizport-demo";

export function digest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function isPublishedAuthSecret(value: string): boolean {
  return PUBLISHED_AUTH_SECRET_DIGESTS.has(digest(value));
}

/** AUTH_OIDC_SECRET set to the demo provider's client secret: anyone could then act as the portal. */
export function isPublishedOidcSecret(value: string): boolean {
  return PUBLISHED_OIDC_SECRET_DIGESTS.has(digest(value));
}
