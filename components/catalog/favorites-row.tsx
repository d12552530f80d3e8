import type { CatalogView } from "@/lib/catalog";
import styles from "./catalog.module.css";
import { ViewTile } from "./view-tile";

/** The home page's Favorites row: the views the user starred, here or in Tableau itself. */
export function FavoritesRow({ favorites }: { favorites: CatalogView[] | null }) {
  return (
    <section className={styles.project} aria-labelledby="favorites-heading" data-testid="favorites-row">
      <h2 id="favorites-heading" className={styles.projectTitle}>
        Favorites
      </h2>
      {favorites === null ? (
        <p className="muted">Your favorites could not be read from Tableau just now.</p>
      ) : favorites.length === 0 ? (
        <p className="muted">Star a dashboard (☆) to keep it here. Your favorites show in Tableau too.</p>
      ) : (
        <ul className={styles.views}>
          {favorites.map((view) => (
            <ViewTile key={view.id} view={view} meta="Favorite" favorite={true} />
          ))}
        </ul>
      )}
    </section>
  );
}
