/**
 * Auth.js (next-auth v5): a Credentials provider over the user directory, JWT sessions so any instance can serve
 * any request. The session carries e-mail, name, role, a session id that sign-out revokes (lib/store) and the
 * sign-in time the absolute lifetime counts from; getCurrentUser re-reads the directory on every request, so a
 * removed account or a changed role takes effect at once.
 */
import { randomUUID } from "node:crypto";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { revokeSession } from "@/lib/auth/revoke";
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
  return {
    secret: env.authSecret,
    trustHost: true,
    // The cookie's own expiry is the idle deadline; proxy.ts pushes it forward on page requests, never past the
    // absolute lifetime (lib/auth/session-refresh.ts).
    session: { strategy: "jwt", maxAge: env.session.idleSeconds },
    pages: { signIn: "/login" },
    // Auth.js prints a stack trace for every refused password; authorize() already logs the outcome as one line.
    logger: {
      error(error) {
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
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: (raw, request) => authorizeCredentials(raw, request),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.sid = randomUUID();
          token.authTime = Math.floor(Date.now() / 1000);
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
