import Link from "next/link";
import type { Catalog } from "@/lib/catalog";
import styles from "./catalog.module.css";

/** The catalog: one section per project, one list of view tiles per workbook. */
export function CatalogList({ catalog }: { catalog: Catalog }) {
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
                  <li key={view.id}>
                    <Link href={view.path} className={styles.tile} data-testid="catalog-view">
                      {/* A plain img: next/image would fetch the thumbnail server-side without the user's session. */}
                      {/* eslint-disable-next-line @next/next/no-img-element */}
                      <img
                        className={styles.thumb}
                        src={view.thumbnailUrl}
                        alt=""
                        loading="lazy"
                        width={320}
                        height={200}
                      />
                      <span className={styles.tileText}>
                        <span className={styles.tileName}>{view.name}</span>
                        <span className={styles.tileMeta}>
                          {view.sheetType === "dashboard" ? "Dashboard" : "Sheet"} · {workbook.name}
                        </span>
                      </span>
                    </Link>
                  </li>
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
