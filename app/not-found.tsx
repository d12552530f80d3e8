import Link from "next/link";
import { connection } from "next/server";
import { MAIN_ID } from "@/components/landmarks";

// Rendered per request, not prerendered: Next.js then gives its inline scripts the request's CSP nonce
// (proxy.ts); a static page's scripts carry none, so the policy blocked them.
export default async function NotFound() {
  await connection();
  return (
    <main className="message-page" id={MAIN_ID} tabIndex={-1}>
      <section className="card auth-card" aria-labelledby="not-found-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="not-found-title">Page not found</h1>
        <p className="muted">The page you asked for does not exist, or it has moved.</p>
        <Link href="/" className="button button-primary">
          Back to dashboards
        </Link>
      </section>
    </main>
  );
}
