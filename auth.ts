/**
 * Auth.js (next-auth v5): a Credentials provider over the user directory (unless VIZPORT_LOCAL_ACCOUNTS=false)
 * and, when AUTH_OIDC_ISSUER is set, single sign-on through any OpenID Connect provider (lib/auth/sso). JWT
 * sessions, so any instance can serve any request. The session carries e-mail, name, role, a session id that
 * sign-out revokes (lib/store), the sign-in time the absolute lifetime counts from and, for single sign-on, the
 * ID token the provider's sign-out needs; getCurrentUser re-reads the directory on every request, so a removed
 * account or a changed role takes effect at once.
 */
import { randomUUID } from "node:crypto";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { revokeSession } from "@/lib/auth/revoke";
import { signInRefusals } from "@/lib/auth/sign-in-refusal";
import { SSO_ERROR_PATH } from "@/lib/auth/sso/error-reasons";
import { OIDC_PROVIDER_ID, oidcProvider } from "@/lib/auth/sso/provider";
import { decideSsoSignIn } from "@/lib/auth/sso/sign-in";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";

declare module "next-auth" {
  interface User {
    role?: "admin" | "viewer";
  }
  interface Session {
    user: { role?: "admin" | "viewer" } & DefaultSession["user"];
  }
}

// A lazy config: the environment is read on the first request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  const { oidc, localAccounts, timeoutSeconds } = env.sso;
  return {
    secret: env.authSecret,
    trustHost: true,
    // The cookie's own expiry is the idle deadline; proxy.ts pushes it forward on page requests, never past the
    // absolute lifetime (lib/auth/session-refresh.ts).
    session: { strategy: "jwt", maxAge: env.session.idleSeconds },
    // Failures of single sign-on land on the error page, which the auth route rewrites to its precise reason.
    pages: { signIn: "/login", error: SSO_ERROR_PATH },
    // Auth.js prints a stack trace for every refused password; authorize() already logs the outcome as one line.
    logger: {
      error(error) {
        const slot = signInRefusals().getStore();
        if (slot) slot.authError = error;
        // By `type`, not `name`: the production build minifies class names (the name there is a single letter).
        if ((error as { type?: unknown }).type === "CredentialsSignin") return;
        logEvent("auth.error", { name: error.name, message: error.message });
      },
      warn(code) {
        logEvent("auth.warning", { code });
      },
      debug() {},
    },
    providers: [
      ...(localAccounts
        ? [
            Credentials({
              credentials: { email: {}, password: {} },
              authorize: (raw, request) => authorizeCredentials(raw, request),
            }),
          ]
        : []),
      ...(oidc ? [oidcProvider(oidc, timeoutSeconds)] : []),
    ],
    callbacks: {
      signIn({ user, account }) {
        return account?.provider === OIDC_PROVIDER_ID ? decideSsoSignIn(user) : true;
      },
      jwt({ token, user, account }) {
        if (user) {
          token.email = user.email;
          token.name = user.name;
          token.role = user.role;
          token.sid = randomUUID();
          token.authTime = Math.floor(Date.now() / 1000);
          // Auth.js's own `sub` is a random id without an adapter: the account's id is the one that lasts.
          token.sub = user.id;
          if (account?.provider === OIDC_PROVIDER_ID && account.id_token) token.idToken = account.id_token;
        }
        return token;
      },
      session({ session, token }) {
        const role = token.role;
        session.user.role = role === "admin" || role === "viewer" ? role : undefined;
        return session;
      },
    },
    events: {
      // Both ways out (the sign-out button's action and Auth.js's endpoint) end here: the session id is refused
      // from now on, so a copy of the cookie stops working at once.
      async signOut(message) {
        if ("token" in message && message.token) await revokeSession(message.token);
      },
    },
  };
});
