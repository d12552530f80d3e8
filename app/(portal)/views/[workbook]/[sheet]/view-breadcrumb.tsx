import Link from "next/link";

/**
 * Dashboards › project › workbook › view; the workbook links to the catalog searched for it. No prefetch:
 * rendering the catalog would compete with the viz for the server while the view loads.
 */
export function ViewBreadcrumb({
  project,
  workbook,
  view,
}: {
  project?: string;
  workbook: string;
  view?: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className="small">
      <ol className="row" style={{ listStyle: "none", margin: 0, padding: 0 }}>
        <li>
          <Link href="/" prefetch={false}>
            Dashboards
          </Link>
        </li>
        {project ? (
          <li>
            <span aria-hidden="true">›</span> {project}
          </li>
        ) : null}
        <li>
          <span aria-hidden="true">›</span>{" "}
          <Link href={`/?q=${encodeURIComponent(workbook)}`} prefetch={false}>
            {workbook}
          </Link>
        </li>
        {view ? (
          <li aria-current="page">
            <span aria-hidden="true">›</span> {view}
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
