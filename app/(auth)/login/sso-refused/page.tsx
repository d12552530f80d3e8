import type { Metadata } from "next";
import Link from "next/link";
import { isSsoRefusalCode, refusalMessage } from "@/lib/sso";

export const metadata: Metadata = { title: "No access" };

/**
 * The provider said who the person is, and the portal's rules (or their account) refused them. The message
 * depends on the code alone; the log line (auth.signin) has the detail for the administrator.
 */
export default async function SsoRefusedPage({
  searchParams,
}: {
  searchParams: Promise<{ code?: unknown }>;
}) {
  const { code } = await searchParams;
  const known = isSsoRefusalCode(code) ? code : null;
  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="sso-refused-title" data-code={known ?? "unknown"}>
        <p className="brand brand-large">Vizport</p>
        <h1 id="sso-refused-title">You cannot use this portal yet</h1>
        <p>
          {known
            ? refusalMessage(known)
            : "The portal refused this sign-in. Ask the portal's administrator, and tell them the time it happened."}
        </p>
        {known ? <p className="muted small">Reference for the administrator: {known}</p> : null}
        <Link href="/login" className="button button-primary" prefetch={false}>
          Back to sign-in
        </Link>
      </section>
    </main>
  );
}
