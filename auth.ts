/**
 * Auth.js (next-auth v5): a Credentials provider over the user directory, stateless JWT sessions so any
 * instance can serve any request. The session carries e-mail, name and role; getCurrentUser re-reads the
 * directory so a removed account or a changed role takes effect at once.
 */
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { findUser, verifyPassword } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { logEvent } from "@/lib/log";
import { recordSignInOutcome } from "@/lib/rate-limit/limits";

declare module "next-auth" {
  interface User {
    role?: "admin" | "viewer";
  }
  interface Session {
    user: { role?: "admin" | "viewer" } & DefaultSession["user"];
  }
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

// A lazy config: the environment is read on the first request, not when `next build` imports this module.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().authSecret,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
      // Both ways in (the login form's server action and Auth.js's own callback endpoint) end here, so this is
      // where each outcome is logged and a failure counted against the account (lib/rate-limit).
      async authorize(raw, request) {
        const requestId = request.headers.get("x-request-id") ?? undefined;
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) {
          logEvent("auth.signin", { requestId, outcome: "rejected", reason: "malformed" });
          return null;
        }
        const user = findUser(parsed.data.email);
        const ok = await verifyPassword(user, parsed.data.password);
        const reason = ok ? undefined : user ? "wrong_password" : "unknown_account";
        logEvent("auth.signin", {
          requestId,
          user: parsed.data.email,
          outcome: ok ? "ok" : "rejected",
          reason,
        });
        recordSignInOutcome(parsed.data.email, ok);
        if (!user || !ok) return null;
        return { id: user.email, email: user.email, name: user.name, role: user.role };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = user.role;
      return token;
    },
    session({ session, token }) {
      const role = token.role;
      session.user.role = role === "admin" || role === "viewer" ? role : undefined;
      return session;
    },
  },
}));
