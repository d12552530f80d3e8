import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MAIN_ID } from "@/components/landmarks";
import { LoginForm } from "@/components/login-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js's own endpoints send failures back here as `?error=<type>`; show them in the form's own words.
function errorMessage(error: unknown): string | undefined {
  if (error === undefined) return undefined;
  return error === "CredentialsSignin" ? "Wrong e-mail or password." : "Sign-in failed. Please try again.";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: unknown; error?: unknown }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="auth-page" id={MAIN_ID} tabIndex={-1}>
      <section className="card auth-card" aria-labelledby="login-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Your dashboards, with your data.</p>
        <LoginForm callbackUrl={callbackUrl} initialError={errorMessage(params.error)} />
      </section>
    </main>
  );
}
