/**
 * The oidc-provider configuration: one confidential client, PKCE required, claims served from userinfo (the
 * default `conformIdTokenClaims`, as real providers keep groups out of ID tokens), RP-initiated logout, our own
 * interaction pages, and cookie names that stay clear of the portal's (`authjs.*`) and the emulator's
 * (`workgroup_session_id`): cookies ignore ports, so all of them share one `localhost` jar.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { logoutPage, messagePage, type Page } from "./pages";
import { SCOPE_CLAIMS, type PeopleStore } from "./people";

export interface ClientSettings {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export const COOKIE_NAMES = {
  session: "vizport_op_session",
  interaction: "vizport_op_interaction",
  resume: "vizport_op_resume",
} as const;

/** Fixed routes, so the control endpoint's outage switch can name them. */
export const ROUTES = {
  authorization: "/auth",
  token: "/token",
  userinfo: "/me",
  jwks: "/jwks",
  end_session: "/session/end",
} as const;

export function sendPage(ctx: KoaContextWithOIDC, page: Page, status = 200): void {
  ctx.status = status;
  ctx.type = "html";
  ctx.set("Content-Security-Policy", page.csp);
  ctx.body = page.html;
}

// A fresh signing key per run: tokens from an earlier run must not verify.
function signingKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: "jwk" }),
    kid: randomBytes(8).toString("hex"),
    alg: "RS256",
    use: "sig",
  };
}

export function createProvider(issuer: string, client: ClientSettings, people: PeopleStore): Provider {
  const configuration: Configuration = {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: "Vizport",
        response_types: ["code"],
        grant_types: ["authorization_code", "refresh_token"],
        redirect_uris: client.redirectUris,
        post_logout_redirect_uris: client.postLogoutRedirectUris,
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx, sub) {
      if (!people.bySubject(sub)) return undefined;
      // Read at each call, so a change through the control endpoint shows at the next userinfo request.
      return { accountId: sub, claims: async () => ({ ...people.bySubject(sub)?.claims, sub }) };
    },
    claims: SCOPE_CLAIMS,
    scopes: ["openid", "email", "profile", "groups", "offline_access"],
    responseTypes: ["code"],
    // Seconds. Stated, so oidc-provider does not print a notice for each default it falls back to.
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 8 * 3600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 24 * 3600,
      Session: 8 * 3600,
    },
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString("base64url")], names: COOKIE_NAMES },
    jwks: { keys: [signingKey()] },
    routes: ROUTES,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          sendPage(ctx, logoutPage(form, Boolean(ctx.oidc.params?.id_token_hint)));
        },
        postLogoutSuccessSource(ctx) {
          sendPage(ctx, messagePage("Signed out", "You are signed out of the demo identity provider."));
        },
      },
    },
    renderError(ctx, out) {
      const text = `${out.error}${out.error_description ? `: ${out.error_description}` : ""}`;
      sendPage(ctx, messagePage("Sign-in error", text), ctx.status >= 400 ? ctx.status : 400);
    },
  };
  return new Provider(issuer, configuration);
}
