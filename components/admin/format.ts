/** Formatting shared by server and client renders; no Intl, so both sides print the same text (no hydration drift). */
import type { SortField } from "@/lib/admin/workbooks/query";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2025-03-07T10:00:00Z` → `7 Mar 2025`; an unparseable date stays as Tableau sent it. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (iso === "" || Number.isNaN(d.getTime())) return iso || "—";
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Tableau reports workbook size in whole MB; 0 means under one. */
export function formatSize(mb: number): string {
  return mb < 1 ? "< 1 MB" : `${mb.toLocaleString("en-US")} MB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}

/** The column names, as the table's headers show them. */
export const SORT_LABELS: Record<SortField, string> = {
  name: "Name",
  projectName: "Project",
  ownerName: "Owner",
  updatedAt: "Last updated",
  size: "Size",
};
