"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { listWorkbooks } from "@/lib/admin/workbooks/actions";
import { workbooksHref } from "@/lib/admin/workbooks/query";
import type { ListWorkbooksResult } from "@/lib/admin/workbooks/result";
import { announce } from "../live-announcer";
import { formatCount } from "./format";
import type { ShownList } from "./workbooks-announcement";
import { WorkbooksError } from "./workbooks-error";
import { SUMMARY_ID, useListShown } from "./workbooks-focus";
import { WorkbooksPager } from "./workbooks-pager";
import { WorkbooksTable } from "./workbooks-table";
import styles from "./workbooks.module.css";

type Ok = Extract<ListWorkbooksResult, { ok: true }>;

/**
 * The listing read on the server, plus "Refresh", which asks the `listWorkbooks` action again for the same
 * query and swaps the rows in place (useful right after publishing, without losing the page).
 */
export function WorkbooksResults({ initial }: { initial: Ok }) {
  const [result, setResult] = useState<ListWorkbooksResult>(initial);
  const [pending, startTransition] = useTransition();
  const query = initial.query;
  useListShown(shownList(initial));
  const refresh = () => {
    // aria-disabled, not disabled, while it runs: a disabled button would drop focus to the page.
    if (pending) return;
    startTransition(async () => {
      const next = await listWorkbooks(query);
      setResult(next);
      // A failure shows its own alert.
      if (next.ok) announce(`Refreshed. ${summaryText(next)}.`);
    });
  };

  const header = (
    <div className={styles.summary}>
      <span id={SUMMARY_ID} tabIndex={-1} data-testid="workbooks-summary">
        {result.ok ? summaryText(result) : "Refresh failed."}
        {result.ok ? (
          <span className="muted"> · read {new Date(result.fetchedAt).toISOString().slice(11, 19)} UTC</span>
        ) : null}
      </span>
      <button
        type="button"
        className="button button-ghost"
        onClick={refresh}
        aria-disabled={pending}
        data-testid="refresh"
      >
        {pending ? "Refreshing…" : "Refresh"}
      </button>
    </div>
  );

  if (!result.ok) {
    return (
      <>
        {header}
        <WorkbooksError {...result.error} retryHref={workbooksHref(query)} />
      </>
    );
  }
  if (result.workbooks.length === 0) {
    return (
      <>
        {header}
        <EmptyState result={result} />
      </>
    );
  }
  return (
    <div aria-busy={pending} className={pending ? styles.pending : undefined}>
      {header}
      <WorkbooksTable rows={result.workbooks} query={query} />
      <WorkbooksPager query={query} total={result.total} pageCount={result.pageCount} />
    </div>
  );
}

function summaryText(r: Ok): string {
  if (r.total === 0) return "No workbooks";
  const first = (r.page - 1) * r.pageSize + 1;
  const last = first + r.workbooks.length - 1;
  if (r.workbooks.length === 0) return `${formatCount(r.total)} workbooks`;
  return `${formatCount(first)}–${formatCount(last)} of ${formatCount(r.total)} workbooks`;
}

/** What the list shows, for the focus and announcements after a change (workbooks-focus.tsx). */
function shownList(r: Ok): ShownList {
  if (r.workbooks.length === 0) return { query: r.query, outcome: "empty", text: emptyText(r) };
  const first = (r.page - 1) * r.pageSize + 1;
  return {
    query: r.query,
    outcome: "rows",
    first,
    last: first + r.workbooks.length - 1,
    total: r.total,
    pageCount: r.pageCount,
  };
}

function emptyText({ query, total }: Ok): string {
  if (total > 0) return `Page ${formatCount(query.page)} is past the end of the list.`;
  if (!query.q && !query.project) return "This site has no workbooks you can see.";
  return `No workbook${query.q ? ` has a name containing “${query.q}”` : ""}${query.project ? ` in project “${query.project}”` : ""}.`;
}

function EmptyState({ result }: { result: Ok }) {
  const { query } = result;
  if (result.total > 0) {
    return (
      <div className="empty-state" data-testid="workbooks-empty">
        <p>{emptyText(result)}</p>
        <Link href={workbooksHref(query, { page: result.pageCount })} className="button">
          Go to the last page ({formatCount(result.pageCount)})
        </Link>
      </div>
    );
  }
  const filtered = query.q || query.project;
  return (
    <div className="empty-state" data-testid="workbooks-empty">
      <p>{emptyText(result)}</p>
      {filtered ? (
        <Link href={workbooksHref(query, { q: "", project: "", page: 1 })} className="button">
          Show all workbooks
        </Link>
      ) : null}
    </div>
  );
}
