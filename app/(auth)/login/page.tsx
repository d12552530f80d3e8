import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/login-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getCurrentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in · Vizport" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: unknown }>;
}) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="login-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Your dashboards, with your data.</p>
        <LoginForm callbackUrl={callbackUrl} />
      </section>
    </main>
  );
}
