"use client";

/** Any unexpected failure inside the portal: a plain message and a retry, never a stack trace. */
export default function PortalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="card" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p className="muted">
        The page could not be shown. Try again; if it keeps happening, tell an administrator.
      </p>
      <div className="row">
        <button type="button" className="button button-primary" onClick={reset}>
          Try again
        </button>
      </div>
    </section>
  );
}
