import type { CatalogView } from "@/lib/catalog";
import styles from "./catalog.module.css";
import { ViewTile } from "./view-tile";

/**
 * The home page's Recent row: the views the user opened last, newest first. Only views the catalog (Tableau,
 * asked as this user) still shows are listed, so a view since removed or hidden drops out of the row.
 */
export function RecentRow({
  views,
  favoriteIds,
}: {
  /** Newest first, among the views the user may still see; null when the portal's record could not be read. */
  views: CatalogView[] | null;
  favoriteIds: Set<string> | null;
}) {
  return (
    <section className={styles.project} aria-labelledby="recent-heading" data-testid="recent-row">
      <h2 id="recent-heading" className={styles.projectTitle}>
        Recent
      </h2>
      {views === null ? (
        <p className="muted">Your recent views cannot be shown just now.</p>
      ) : views.length === 0 ? (
        <p className="muted">The dashboards you open will show here.</p>
      ) : (
        <ul className={styles.views}>
          {views.map((view) => (
            <ViewTile
              key={view.id}
              view={view}
              meta="Recently viewed"
              favorite={favoriteIds ? favoriteIds.has(view.id) : undefined}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
