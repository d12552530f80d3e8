/**
 * What the live region says after the workbook list changed: what was done first (a sort names the new order,
 * a page change the new page), then the rest of the state, in the words the page itself shows.
 */
import type { WorkbookQuery } from "@/lib/admin/workbooks/query";
import { formatCount, SORT_LABELS } from "./format";

/** The list as it is now shown, as the results component reports it. */
export type ShownList =
  | { query: WorkbookQuery; outcome: "rows"; first: number; last: number; total: number; pageCount: number }
  | { query: WorkbookQuery; outcome: "empty"; text: string }
  | { query: WorkbookQuery; outcome: "error" };

export type ListChange = "sort" | "page" | "filters" | "none";

export function listChange(before: WorkbookQuery, after: WorkbookQuery): ListChange {
  if (before.sort !== after.sort || before.dir !== after.dir) return "sort";
  if (before.q !== after.q || before.project !== after.project || before.pageSize !== after.pageSize)
    return "filters";
  return before.page !== after.page ? "page" : "none";
}

/** The announcement for a change, or null when the page says it another way (an error is an alert). */
export function describeListChange(change: ListChange, shown: ShownList): string | null {
  if (change === "none" || shown.outcome === "error") return null;
  if (shown.outcome === "empty") return shown.text;
  const { query: q } = shown;
  const order = `${SORT_LABELS[q.sort]}, ${q.dir === "asc" ? "ascending" : "descending"}`;
  const scope = [q.q ? ` with “${q.q}” in the name` : "", q.project ? ` in project “${q.project}”` : ""].join(
    "",
  );
  const position =
    `Page ${formatCount(q.page)} of ${formatCount(shown.pageCount)}: workbooks ` +
    `${formatCount(shown.first)}–${formatCount(shown.last)} of ${formatCount(shown.total)}${scope}`;
  return change === "sort" ? `Sorted by ${order}. ${position}.` : `${position}, sorted by ${order}.`;
}
