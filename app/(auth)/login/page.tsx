import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MAIN_ID } from "@/components/landmarks";
import { LoginForm } from "@/components/login-form";
import { SsoSignIn } from "@/components/sso-sign-in";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js's own endpoints send failures back here as `?error=<type>`; show them in the form's own words.
function errorMessage(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  return error === "CredentialsSignin" ? "Wrong e-mail or password." : "Sign-in failed. Please try again.";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: unknown; error?: unknown; signedOut?: unknown }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const { oidc, localAccounts } = getEnv().sso;
  return (
    <main className="auth-page" id={MAIN_ID} tabIndex={-1}>
      <section className="card auth-card" aria-labelledby="login-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Your dashboards, with your data.</p>
        {params.signedOut === "portal-only" ? (
          <p className="alert alert-info" role="status">
            You are signed out of the portal. Your identity provider could not be reached, so you may still be
            signed in there: close the browser to end that session too.
          </p>
        ) : null}
        {oidc ? <SsoSignIn name={oidc.name} callbackUrl={callbackUrl} primary /> : null}
        {oidc && localAccounts ? (
          <p className="auth-divider muted small">or with your e-mail and password</p>
        ) : null}
        {localAccounts ? (
          <LoginForm
            callbackUrl={callbackUrl}
            initialError={errorMessage(params.error)}
            secondary={Boolean(oidc)}
          />
        ) : null}
      </section>
    </main>
  );
}
