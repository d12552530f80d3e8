"use client";

/**
 * For a list that a search or a page link re-renders in place (same page, new query): when the new list shows,
 * the live region says what it holds, and if the control that was used went away with the old list (a pager
 * link), focus goes to the list's summary instead of falling to `<body>`. Focus still in the page (the search
 * field) stays. The first list of a visit is the page itself, not the outcome of an action: nothing is said.
 */
import { useEffect } from "react";
import { announce } from "./live-announcer";

/** The query each list last showed in this document, by list name. */
const shown = new Map<string, string>();

export function ListShown({
  list,
  href,
  summaryId,
  text,
}: {
  list: string;
  href: string;
  summaryId: string;
  text: string;
}) {
  useEffect(() => {
    const before = shown.get(list);
    shown.set(list, href);
    if (before === undefined || before === href) return;
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected)
      document.getElementById(summaryId)?.focus();
    announce(text);
  }, [list, href, summaryId, text]);
  return null;
}
