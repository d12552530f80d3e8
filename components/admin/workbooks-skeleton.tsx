import styles from "./workbooks.module.css";

/** Shown while Tableau is being asked (first load and every change of search, sort or page). */
export function WorkbooksSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-live="polite" data-testid="workbooks-loading">
      <p className="muted">Loading workbooks from Tableau…</p>
      <div className="table-wrap">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className={`skeleton ${styles.skeletonRow}`} />
        ))}
      </div>
    </div>
  );
}
