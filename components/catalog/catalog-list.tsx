"use client";
import type { Catalog } from "@/lib/catalog";
import styles from "./catalog.module.css";
import { ViewTile } from "./view-tile";

/** The catalog: one section per project, one list of view tiles per workbook. */
export function CatalogList({
  catalog,
  favoriteIds,
}: {
  catalog: Catalog;
  /** The user's favorite views; null when they could not be read (the tiles then have no star). */
  favoriteIds: string[] | null;
}) {
  const favorites = favoriteIds ? new Set(favoriteIds) : null;
  return (
    <div className="stack-lg" data-testid="catalog">
      {catalog.projects.map((project) => (
        <section
          key={project.name}
          className={styles.project}
          aria-labelledby={`project-${slug(project.name)}`}
          data-testid="catalog-project"
        >
          <h2 id={`project-${slug(project.name)}`} className={styles.projectTitle}>
            {project.name}
          </h2>
          {project.workbooks.map((workbook) => (
            <div key={workbook.id} className="stack" data-testid="catalog-workbook">
              <h3 className={styles.workbookTitle}>{workbook.name}</h3>
              <ul className={styles.views}>
                {workbook.views.map((view) => (
                  <ViewTile
                    key={view.id}
                    view={view}
                    meta={`${view.sheetType === "dashboard" ? "Dashboard" : "Sheet"} · ${workbook.name}`}
                    favorite={favorites ? favorites.has(view.id) : undefined}
                  />
                ))}
              </ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
