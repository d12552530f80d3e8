/**
 * For e2e/sso.spec.ts: a real local OpenID Connect provider (scripts/oidc-provider) on its e2e port, a private
 * emulator whose Connected App allows the portal's origin (so vizzes load), and a portal configured for single
 * sign-on against that provider with the demo rules. The provider is driven through its own control API.
 */
import { expect, type Page } from "@playwright/test";
import { loadSiteFile } from "../emulator/core/load-site";
import { startEmulator } from "../emulator/server";
import { demoOidcEnv } from "../scripts/demo-env";
import { startOidcProvider, type RunningOidcProvider } from "../scripts/oidc-provider/server";
import { DEMO_CLIENT_SECRET } from "../scripts/oidc-provider/cli-args";
import { E2E_PORTS } from "./ports";
import { freePort, startPrivatePortal, type PrivatePortal } from "./private-portal";

export const PROVIDER_NAME = "the demo identity provider";

export interface SsoSetup {
  portal: PrivatePortal;
  provider: RunningOidcProvider;
  control(path: string, body: unknown): Promise<void>;
  stop(): Promise<void>;
}

/** `providerPort`: each spec that starts a set-up gives its own, so specs on parallel workers never meet. */
export async function startSsoSetup(
  env: Record<string, string> = {},
  providerPort: number = E2E_PORTS.oidcProvider,
): Promise<SsoSetup> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const provider = await startOidcProvider({
    port: providerPort,
    clientId: "vizport",
    clientSecret: DEMO_CLIENT_SECRET,
    redirectUris: [`${origin}/api/auth/callback/oidc`],
    postLogoutRedirectUris: [`${origin}/login`],
  });
  const site = loadSiteFile();
  for (const app of site.connectedApps) app.domainAllowlist.push(origin);
  const emulator = await startEmulator({ port: 0, quiet: true, data: site });
  let portal: PrivatePortal;
  try {
    portal = await startPrivatePortal("sso", emulator.url, { ...demoOidcEnv(provider.issuer), ...env }, port);
  } catch (error) {
    await Promise.all([emulator.close(), provider.close()]);
    throw error;
  }
  return {
    portal,
    provider,
    async control(path, body) {
      const response = await fetch(`${provider.issuer}/__control/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status, `control ${path}`).toBeLessThan(300);
    },
    async stop() {
      await portal.stop();
      await Promise.all([emulator.close(), provider.close()]);
    },
  };
}

/** The login page's single sign-on button. */
export const ssoButton = (page: Page) => page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` });

/** From the portal's login page through the provider's login and consent pages, as `person` (a display name). */
export async function ssoSignIn(page: Page, setup: SsoSetup, person: string): Promise<void> {
  await page.goto(`${setup.portal.url}/login`);
  await ssoButton(page).click();
  await choosePerson(page, setup, person);
}

/** On the provider: pick the person, then allow the portal when the provider asks (it may not). */
export async function choosePerson(page: Page, setup: SsoSetup, person: string): Promise<void> {
  await expect(page.getByRole("heading", { name: "Sign in to the demo identity provider" })).toBeVisible();
  await page.getByRole("button", { name: `Sign in as ${person}` }).click();
  const allow = page.getByRole("button", { name: "Allow", exact: true });
  const providerOrigin = new URL(setup.provider.issuer).origin;
  const step = await Promise.race([
    allow.waitFor().then(() => "consent" as const),
    page.waitForURL((url) => url.origin !== providerOrigin).then(() => "back" as const),
  ]);
  if (step === "consent") await allow.click();
}
