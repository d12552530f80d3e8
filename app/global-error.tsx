"use client";

import Link from "next/link";
import "./globals.css";

/**
 * The last resort: a failure in the root layout itself, where no other error page can render. Its own <html>
 * and <body>, a plain message and a retry; never the error's text or a stack trace.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="message-page" id="main">
          <section className="card auth-card" role="alert" aria-labelledby="global-error-title">
            <p className="brand brand-large">Vizport</p>
            <h1 id="global-error-title">Vizport is having trouble</h1>
            <p className="muted">
              The portal could not show this page. Try again in a moment; if it keeps happening, tell an
              administrator.
            </p>
            <div className="row">
              <button type="button" className="button button-primary" onClick={reset}>
                Try again
              </button>
              <Link href="/" className="button button-ghost">
                Back to dashboards
              </Link>
            </div>
          </section>
        </main>
      </body>
    </html>
  );
}
