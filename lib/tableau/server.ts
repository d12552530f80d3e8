/**
 * Server-only glue: the process's one REST client (lib/store), built from the validated configuration, so every
 * request shares its session cache (one sign-in per Tableau principal per session lifetime, not per request).
 */
import "server-only";
import { createHash } from "node:crypto";
import { getTableauIdentity, type TableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { getRestSessionStore, shared } from "@/lib/store";
import { mintConnectedAppToken } from "./jwt";
import { createTableauClient, type SiteUser, type TableauClient } from "./rest";
import { REST_SCOPES, REST_TOKEN_LIFETIME_SECONDS } from "./rest/scopes";

export { REST_SCOPES } from "./rest/scopes";

interface Principals {
  /** Principal key → the identity it signs in as. */
  identities: Map<string, TableauIdentity>;
  /** Principal key → the scopes its REST token asks for, when not the usual REST_SCOPES. */
  scopes: Map<string, string[]>;
  /**
   * Principal key → the portal user who last asked for it: the one whose request a sign-in under it serves (two
   * portal users share a key only when they map to the same Tableau user with the same attributes).
   */
  askers: Map<string, string>;
}

const principals = () =>
  shared<Principals>("tableau.principals", () => ({
    identities: new Map(),
    scopes: new Map(),
    askers: new Map(),
  }));

/** The process-wide REST client. */
export function getTableauClient(): TableauClient {
  return shared("tableau.client", buildClient);
}

/**
 * The key a portal user's REST calls are made and cached under: the Tableau username, followed by a digest of
 * the attributes and groups when there are any. The emulator (and Tableau, with USERATTRIBUTE) applies
 * row-level security from the JWT's attribute claims, so the REST token carries them as the embed token does,
 * and two portal users mapped to one Tableau user with different attributes must never share a session.
 * Null when the directory maps the user to no Tableau user.
 */
export async function getRestUsername(email: string): Promise<string | null> {
  const identity = await getTableauIdentity(email);
  if (!identity) return null;
  const key = principalKey(identity);
  const { identities, askers } = principals();
  identities.set(key, identity);
  askers.set(key, email);
  return key;
}

function principalKey({ username, attributes, groups }: TableauIdentity): string {
  if (Object.keys(attributes).length === 0 && groups.length === 0) return username;
  const canonical = JSON.stringify([
    Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1)),
    [...groups].sort(),
  ]);
  return `${username}#${createHash("sha256").update(canonical).digest("hex").slice(0, 12)}`;
}

/**
 * The portal's own principal for checking mappings: TABLEAU_USERNAME (a site administrator, who sees every
 * user) with only `tableau:users:read`, so no portal user's token ever carries that scope.
 */
const DIRECTORY_PRINCIPAL = "service#directory-check";

function directoryPrincipal(): string {
  const { identities, scopes } = principals();
  identities.set(DIRECTORY_PRINCIPAL, { username: getEnv().tableau.username, attributes: {}, groups: [] });
  scopes.set(DIRECTORY_PRINCIPAL, ["tableau:users:read"]);
  return DIRECTORY_PRINCIPAL;
}

/** Which of these Tableau usernames are users of the site, with their site roles. */
export function findSiteUsers(names: readonly string[]): Promise<Map<string, SiteUser>> {
  return getTableauClient().findSiteUsers(directoryPrincipal(), names);
}

/** Every user of the site. */
export function listSiteUsers(): Promise<SiteUser[]> {
  return getTableauClient().listSiteUsers(directoryPrincipal());
}

export interface SignInRefusal {
  at: string;
  tableauUser: string;
  code?: string;
  connectedAppCode?: number;
  status?: number;
}

/** The latest refused REST sign-ins this instance saw (newest first), for the admin status page. */
export function recentSignInRefusals(): SignInRefusal[] {
  return [...refusals()].reverse();
}

const MAX_REFUSALS = 20;
const refusals = () => shared<SignInRefusal[]>("tableau.signin-refusals", () => []);

/** Signs the portal user's REST session out of Tableau (call on portal sign-out). Never throws. */
export async function signOutTableauRest(email: string): Promise<void> {
  const username = await getRestUsername(email);
  if (username) await getTableauClient().signOut(username);
}

function buildClient(): TableauClient {
  const { tableau, tableauTimeoutSeconds } = getEnv();
  const app = { clientId: tableau.clientId, secretId: tableau.secretId, secretValue: tableau.secretValue };
  return createTableauClient({
    server: tableau.server,
    apiVersion: tableau.apiVersion,
    site: tableau.site,
    timeoutMs: tableauTimeoutSeconds * 1000,
    sessionStore: getRestSessionStore(),
    mintToken: async (key) => {
      const identity = principals().identities.get(key);
      if (!identity) throw new Error("REST sign-in for a principal that getRestUsername() did not issue");
      const { token } = await mintConnectedAppToken(app, {
        sub: identity.username,
        attributes: identity.attributes,
        groups: identity.groups,
        scopes: principals().scopes.get(key) ?? [...REST_SCOPES],
        lifetimeSeconds: REST_TOKEN_LIFETIME_SECONDS,
      });
      return token;
    },
    onSignIn: (event) => {
      const { identities, askers } = principals();
      if (event.outcome === "failure") {
        const list = refusals();
        list.push({
          at: new Date().toISOString(),
          tableauUser: identities.get(event.username)?.username ?? event.username,
          code: event.code,
          connectedAppCode: event.connectedAppCode,
          status: event.status,
        });
        if (list.length > MAX_REFUSALS) list.splice(0, list.length - MAX_REFUSALS);
      }
      void currentRequestId().then((requestId) =>
        logEvent("tableau.rest_signin", {
          requestId,
          user: askers.get(event.username),
          tableauUser: identities.get(event.username)?.username ?? event.username,
          outcome: event.outcome,
          attempt: event.attempt,
          durationMs: event.durationMs,
          ...(event.outcome === "failure"
            ? { code: event.code, status: event.status, connectedAppCode: event.connectedAppCode }
            : {}),
        }),
      );
    },
  });
}
