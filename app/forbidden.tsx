import Link from "next/link";
import { MAIN_ID } from "@/components/landmarks";

export default function Forbidden() {
  return (
    <main className="message-page" id={MAIN_ID} tabIndex={-1}>
      <section className="card auth-card" aria-labelledby="forbidden-title">
        <p className="brand brand-large">Vizport</p>
        <h1 id="forbidden-title">You don&apos;t have access to this page</h1>
        <p className="muted">This page is for portal administrators. If you need it, ask one of them.</p>
        <Link href="/" className="button button-primary">
          Back to dashboards
        </Link>
      </section>
    </main>
  );
}
