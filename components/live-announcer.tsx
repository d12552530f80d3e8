"use client";

/**
 * The page's one polite live region, and `announce()` to say something in it: the outcome of an action that
 * changes part of the page without moving the visitor (sorted, page N of M, no match, refreshed). A region that
 * is already in the page when its text changes is announced reliably; one inserted with its text is often not.
 */
import { useEffect, useSyncExternalStore } from "react";

let message = "";
let pending: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

function publish(next: string): void {
  message = next;
  for (const listener of listeners) listener();
}

/** Says `text` to screen readers. Emptied first, so the same words said twice are heard twice. */
export function announce(text: string): void {
  clearTimeout(pending);
  publish("");
  pending = setTimeout(() => publish(text), 100);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function LiveAnnouncer() {
  const text = useSyncExternalStore(
    subscribe,
    () => message,
    () => "",
  );
  return (
    <p className="visually-hidden" role="status" aria-atomic="true" data-testid="live-announcer">
      {text}
    </p>
  );
}

/** Announces `message` when it first shows (e.g. the count of a search's results, streamed in). */
export function Announce({ message }: { message: string }) {
  useEffect(() => announce(message), [message]);
  return null;
}
