import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="message-page">
      <section className="card auth-card" aria-labelledby="forbidden-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="forbidden-title">You don&apos;t have access to this page</h1>
        <p className="muted">This page is for portal administrators. If you need it, ask one of them.</p>
        <Link href="/" className="button button-primary">
          Back to dashboards
        </Link>
      </section>
    </div>
  );
}
