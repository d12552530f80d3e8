import Link from "next/link";
import type { SortField, WorkbookQuery } from "@/lib/admin/workbooks/query";
import { workbooksHref } from "@/lib/admin/workbooks/query";
import type { WorkbookRow } from "@/lib/admin/workbooks/result";
import { formatDate, formatSize, SORT_LABELS } from "./format";
import { sortLinkId } from "./workbooks-focus";
import styles from "./workbooks.module.css";

const COLUMNS: { field: SortField; numeric?: boolean }[] = [
  { field: "name" },
  { field: "projectName" },
  { field: "ownerName" },
  { field: "updatedAt" },
  { field: "size", numeric: true },
];

/** The workbook table; each header is a link that sorts by it (a second click reverses the order). */
export function WorkbooksTable({ rows, query }: { rows: WorkbookRow[]; query: WorkbookQuery }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid="workbooks-table">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = query.sort === c.field;
              // Dates and sizes are most useful newest/largest first; names A→Z.
              const firstDir = c.field === "updatedAt" || c.field === "size" ? "desc" : "asc";
              const dir = active ? (query.dir === "asc" ? "desc" : "asc") : firstDir;
              return (
                <th
                  key={c.field}
                  scope="col"
                  aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
                  className={c.numeric ? "numeric" : undefined}
                >
                  <Link
                    id={sortLinkId(c.field)}
                    href={workbooksHref(query, { sort: c.field, dir, page: 1 })}
                    className={styles.sortLink}
                  >
                    {SORT_LABELS[c.field]}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.id} data-testid="workbook-row">
              <td className={styles.nameCell}>
                {w.viewPath ? (
                  <Link href={w.viewPath} prefetch={false}>
                    {w.name}
                  </Link>
                ) : (
                  w.name
                )}
              </td>
              <td className={styles.cell}>{w.projectName}</td>
              <td className={styles.cell}>{w.ownerName}</td>
              <td className={styles.cell}>
                <time dateTime={w.updatedAt}>{formatDate(w.updatedAt)}</time>
              </td>
              <td className={`numeric ${styles.cell}`}>{formatSize(w.sizeMb)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
