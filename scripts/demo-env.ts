/**
 * The demo's configuration: the emulator's Connected App (shared with .env.local.example) and a fresh session
 * secret per run. Used by `npm run demo` and the benchmarks, so neither needs a .env.local.
 */
import { randomBytes } from "node:crypto";

export const DEMO_EMULATOR_PORT = 8900;
export const DEMO_PORTAL_PORT = 3000;
export const DEMO_OIDC_PORT = 8950;

export function demoEnv(emulatorUrl = `http://localhost:${DEMO_EMULATOR_PORT}`): Record<string, string> {
  return {
    TABLEAU_SERVER: emulatorUrl,
    TABLEAU_SITENAME: "vizport-demo",
    TABLEAU_RESTAPI_VERSION: "3.28",
    TABLEAU_USERNAME: "alice@example.com",
    TABLEAU_CA_CLIENT: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
    TABLEAU_CA_SECRET_ID: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
    TABLEAU_CA_SECRET_VALUE: "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    // Its own SQLite file, apart from a development set-up's data/vizport.db; demo mode seeds the demo accounts.
    VIZPORT_DATABASE_FILE: "data/demo.db",
    NEXT_TELEMETRY_DISABLED: "1",
    // The demo runs on published values (this file, the demo accounts' password): only demo mode accepts them.
    VIZPORT_DEMO: "1",
  };
}

/**
 * Single sign-on against the local OpenID Connect provider (`npm run oidc-provider`) with its demo people and the
 * demo rules. Apart from demoEnv, so the e2e portals and the benchmarks keep the password form alone.
 */
export function demoOidcEnv(issuer = `http://localhost:${DEMO_OIDC_PORT}`): Record<string, string> {
  return {
    AUTH_OIDC_ISSUER: issuer,
    AUTH_OIDC_ID: "vizport",
    // The local provider's published demo secret: a production start refuses it outside demo mode.
    AUTH_OIDC_SECRET: "vizport-demo-oidc-client-secret",
    AUTH_OIDC_NAME: "the demo identity provider",
    AUTH_OIDC_SCOPES: "openid email profile groups",
    VIZPORT_SSO_RULES_FILE: "data/sso-rules.demo.json",
  };
}
