import Link from "next/link";

export default function NotFound() {
  return (
    <div className="message-page">
      <section className="card auth-card" aria-labelledby="not-found-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="not-found-title">Page not found</h1>
        <p className="muted">The page you asked for does not exist, or it has moved.</p>
        <Link href="/" className="button button-primary">
          Back to dashboards
        </Link>
      </section>
    </div>
  );
}
