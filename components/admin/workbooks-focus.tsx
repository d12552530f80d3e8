"use client";

/**
 * Focus and announcements for the workbook list. A sort, a page change or a filter re-renders the results (keyed
 * by the query, so the link that was used is gone and focus would fall to `<body>`). When the new results show,
 * focus moves back to the control that did it (the same column's sort link, the same pager link, else the one
 * left) and the live region says what changed. Focus that is still somewhere (the search field, a select) stays.
 * The provider wraps the whole page, so it outlives each result list and remembers the query shown before.
 */
import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from "react";
import { workbooksHref, type WorkbookQuery } from "@/lib/admin/workbooks/query";
import { announce } from "../live-announcer";
import { describeListChange, listChange, type ListChange, type ShownList } from "./workbooks-announcement";

export const SUMMARY_ID = "workbooks-summary";
export const sortLinkId = (field: string) => `sort-${field}`;
export const PAGER_IDS = { prev: "pager-prev", next: "pager-next" } as const;

const ShownContext = createContext<(shown: ShownList) => void>(() => undefined);

export function WorkbooksFocus({ children }: { children: ReactNode }) {
  const previous = useRef<WorkbookQuery | null>(null);
  const onShown = useCallback((shown: ShownList) => {
    const before = previous.current;
    previous.current = shown.query;
    // The first list of a visit is the page itself, not the outcome of an action.
    if (!before || workbooksHref(before) === workbooksHref(shown.query)) return;
    const change = listChange(before, shown.query);
    if (focusLost()) focusTarget(change, before, shown)?.focus();
    const text = describeListChange(change, shown);
    if (text) announce(text);
  }, []);
  return <ShownContext value={onShown}>{children}</ShownContext>;
}

/** Tells the provider which list is now on screen (once per list: repeats of the same query are ignored). */
export function useListShown(shown: ShownList): void {
  const onShown = useContext(ShownContext);
  useEffect(() => onShown(shown), [onShown, shown]);
}

/** For lists rendered on the server without the results component (the load failed). */
export function ListShown({ query }: { query: WorkbookQuery }) {
  useListShown({ query, outcome: "error" });
  return null;
}

function focusLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected;
}

function focusTarget(change: ListChange, before: WorkbookQuery, shown: ShownList): HTMLElement | null {
  const byId = (id: string) => document.getElementById(id);
  const summary = byId(SUMMARY_ID);
  if (shown.outcome === "error") return document.querySelector<HTMLElement>("[data-testid=workbooks-retry]");
  if (shown.outcome === "empty")
    return document.querySelector<HTMLElement>("[data-testid=workbooks-empty] a") ?? summary;
  if (change === "sort") return byId(sortLinkId(shown.query.sort)) ?? summary;
  if (change === "page") {
    const forward = shown.query.page > before.page;
    const [used, other] = forward ? [PAGER_IDS.next, PAGER_IDS.prev] : [PAGER_IDS.prev, PAGER_IDS.next];
    return byId(used) ?? byId(other) ?? summary;
  }
  return summary;
}
