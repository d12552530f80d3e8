import type { Metadata } from "next";
import Link from "next/link";
import { isSsoErrorReason, ssoErrorText } from "@/lib/auth/sso/error-reasons";

export const metadata: Metadata = { title: "Sign-in problem" };

/**
 * A single sign-on that failed between the portal and the provider. Rendered from the reason code alone (an
 * unknown code, or Auth.js's own `?error=`, is "unknown"), so nothing from the address is shown back.
 */
export default async function SsoErrorPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: unknown }>;
}) {
  const { reason } = await searchParams;
  const code = isSsoErrorReason(reason) ? reason : "unknown";
  const text = ssoErrorText(code);
  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="sso-error-title" data-reason={code}>
        <p className="brand brand-large">Vizport</p>
        <h1 id="sso-error-title">{text.title}</h1>
        <p>{text.what}</p>
        <p>
          <strong>What to do:</strong> {text.todo}
        </p>
        <Link href="/login" className="button button-primary" prefetch={false}>
          Back to sign-in
        </Link>
      </section>
    </main>
  );
}
