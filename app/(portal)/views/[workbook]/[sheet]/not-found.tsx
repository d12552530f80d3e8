import Link from "next/link";

/** An unknown view, or one Tableau does not share with this user: the same answer, so nothing leaks. */
export default function ViewNotFound() {
  return (
    <section className="card" aria-labelledby="view-not-found" data-testid="view-not-found">
      <h1 id="view-not-found">Dashboard not found</h1>
      <p className="muted">
        This dashboard does not exist, or it is not shared with you. Check the link, or pick a dashboard from
        the catalog.
      </p>
      <p>
        <Link href="/" className="button button-primary">
          Back to dashboards
        </Link>
      </p>
    </section>
  );
}
