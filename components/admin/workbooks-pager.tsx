import Link from "next/link";
import type { WorkbookQuery } from "@/lib/admin/workbooks/query";
import { workbooksHref } from "@/lib/admin/workbooks/query";
import { formatCount } from "./format";
import { PAGER_IDS } from "./workbooks-focus";
import styles from "./workbooks.module.css";

/** Previous / next links, "Page X of Y" and the total. */
export function WorkbooksPager(props: { query: WorkbookQuery; total: number; pageCount: number }) {
  const { query, total, pageCount } = props;
  const page = query.page;
  return (
    <nav aria-label="Pages" className={styles.pager} data-testid="workbooks-pager">
      {page > 1 ? (
        <Link
          href={workbooksHref(query, { page: Math.min(page - 1, pageCount) })}
          className="button"
          rel="prev"
          id={PAGER_IDS.prev}
        >
          ← Previous
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          ← Previous
        </span>
      )}
      <span data-testid="page-status">
        Page {formatCount(page)} of {formatCount(pageCount)} · {formatCount(total)}{" "}
        {total === 1 ? "workbook" : "workbooks"}
      </span>
      {page < pageCount ? (
        <Link
          href={workbooksHref(query, { page: page + 1 })}
          className="button"
          rel="next"
          id={PAGER_IDS.next}
        >
          Next →
        </Link>
      ) : (
        <span className="button" aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
