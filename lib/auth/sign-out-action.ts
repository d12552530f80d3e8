"use server";

/**
 * Sign-out: ends the portal session (its id revoked, auth.ts), the user's cached Tableau REST session and, for a
 * single sign-on, the provider's session too (RP-initiated logout) when the provider offers it.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/auth";
import { getCurrentUser } from "@/lib/auth/session";
import { readSessionCookie } from "@/lib/auth/session-cookie";
import { providerSignOut, requestOrigin } from "@/lib/auth/sso/end-session";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { signOutTableauRest } from "@/lib/tableau/server";

export async function signOutAction(): Promise<void> {
  const [user, session] = await Promise.all([getCurrentUser(), readSessionCookie()]);
  if (user) {
    // Ends the user's cached Tableau REST session too, so it does not outlive the portal session.
    await signOutTableauRest(user.email);
  }
  await signOut({ redirect: false });
  const provider = session?.idToken
    ? await providerSignOut(session.idToken, `${requestOrigin(await headers())}/login`)
    : null;
  if (user)
    logEvent("auth.signout", {
      requestId: await currentRequestId(),
      user: user.email,
      ...(provider ? { provider: "url" in provider ? "signed-out" : provider.skipped } : {}),
    });
  if (provider && "url" in provider) redirect(provider.url);
  redirect(provider && provider.skipped === "unreachable" ? "/login?signedOut=portal-only" : "/login");
}
