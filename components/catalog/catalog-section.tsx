import { getCatalog } from "@/lib/catalog";
import { logEvent } from "@/lib/log";
import { explainTableauError } from "@/lib/tableau/rest";
import { CatalogList } from "./catalog-list";

/** Loads and shows the signed-in user's catalog, with its empty, no-match and error states. */
export async function CatalogSection({ email, query }: { email: string; query: string }) {
  let catalog;
  try {
    catalog = await getCatalog(email, query);
  } catch (error) {
    const explained = explainTableauError(error);
    logEvent("catalog.error", { user: email, code: explained.code });
    return (
      <div role="alert" className="alert alert-error" data-testid="catalog-error">
        <strong>Dashboards could not be loaded.</strong> {explained.message}
      </div>
    );
  }
  if (!catalog) return null;
  if (catalog.total === 0) {
    return (
      <div className="empty-state" data-testid="catalog-empty">
        <h2>No dashboards shared with you yet</h2>
        <p className="muted">
          Tableau has no views that your account may see. Ask the dashboard&apos;s owner or a portal
          administrator to share one with you.
        </p>
      </div>
    );
  }
  if (catalog.shown === 0) {
    return (
      <div className="empty-state" data-testid="catalog-no-match">
        <h2>No dashboards match “{query}”</h2>
        <p className="muted">Try another word, or clear the search to see all {catalog.total} views.</p>
      </div>
    );
  }
  return (
    <>
      <p className="muted" data-testid="catalog-count">
        {query ? `${catalog.shown} of ${catalog.total} views match “${query}”.` : `${catalog.total} views.`}
      </p>
      <CatalogList catalog={catalog} />
    </>
  );
}
