/**
 * Server-only glue: one REST client per process, built from the validated configuration, so every request shares
 * the session cache (one sign-in per Tableau user per session lifetime, not one per request).
 */
import "server-only";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { mintConnectedAppToken } from "./jwt";
import { createTableauClient, type TableauClient } from "./rest";

/** REST calls read content and download view images; never the embed scopes. */
export const REST_SCOPES = ["tableau:content:read", "tableau:views:download"] as const;
/** The token is spent by the sign-in right away; a short life limits what a leaked one could do. */
const REST_TOKEN_LIFETIME_SECONDS = 120;

// Kept on globalThis so development reloads of this module do not throw away the session cache.
const holder = globalThis as typeof globalThis & { __vizportTableauClient?: TableauClient };

/** The process-wide REST client. */
export function getTableauClient(): TableauClient {
  holder.__vizportTableauClient ??= buildClient();
  return holder.__vizportTableauClient;
}

/** The Tableau username a portal user acts as over REST, or null when the directory maps them to none. */
export function getRestUsername(email: string): string | null {
  return getTableauIdentity(email)?.username ?? null;
}

/** Signs the portal user's REST session out of Tableau (call on portal sign-out). Never throws. */
export async function signOutTableauRest(email: string): Promise<void> {
  const username = getRestUsername(email);
  if (username) await getTableauClient().signOut(username);
}

function buildClient(): TableauClient {
  const { tableau } = getEnv();
  const app = { clientId: tableau.clientId, secretId: tableau.secretId, secretValue: tableau.secretValue };
  return createTableauClient({
    server: tableau.server,
    apiVersion: tableau.apiVersion,
    site: tableau.site,
    mintToken: async (username) => {
      const { token } = await mintConnectedAppToken(app, {
        sub: username,
        scopes: [...REST_SCOPES],
        lifetimeSeconds: REST_TOKEN_LIFETIME_SECONDS,
      });
      return token;
    },
  });
}
