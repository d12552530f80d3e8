import { listedViews, type Catalog, type CatalogView } from "@/lib/catalog";
import { savedViewPath } from "@/lib/saved-views/paths";
import type { CustomView } from "@/lib/tableau/rest";
import styles from "./catalog.module.css";
import { ViewTile } from "./view-tile";

/**
 * The home page's Saved views row: the user's own Tableau custom views, each opening its view with the saved
 * filters and parameters, with its own thumbnail (the custom view's image, fetched as this user). A saved view
 * of a view the user may no longer see is left out; `catalog` holds every view they may see, not one page.
 */
export function SavedViewsRow({ saved, catalog }: { saved: CustomView[] | null; catalog: Catalog }) {
  const byId = new Map(listedViews(catalog).map((v) => [v.id, v]));
  const tiles = (saved ?? []).flatMap((cv) => {
    const view = byId.get(cv.viewId);
    if (!view) return [];
    const [, , workbook = "", sheet = ""] = view.path.split("/").map(decodeURIComponent);
    const tile: CatalogView = {
      id: cv.id,
      name: cv.name,
      sheetType: view.sheetType,
      path: savedViewPath(workbook, sheet, cv.id),
      thumbnailUrl: `/api/saved-view-thumbnails/${encodeURIComponent(cv.id)}`,
    };
    return [{ tile, of: view.name }];
  });
  return (
    <section className={styles.project} aria-labelledby="saved-views-heading" data-testid="saved-views-row">
      <h2 id="saved-views-heading" className={styles.projectTitle}>
        Saved views
      </h2>
      {saved === null ? (
        <p className="muted">Your saved views could not be read from Tableau just now.</p>
      ) : tiles.length === 0 ? (
        <p className="muted">Open a dashboard and use “Save view…” to keep its filters here.</p>
      ) : (
        <ul className={styles.views}>
          {tiles.map(({ tile, of }) => (
            <ViewTile key={tile.id} view={tile} meta={`Saved view of ${of}`} favorite={undefined} />
          ))}
        </ul>
      )}
    </section>
  );
}
