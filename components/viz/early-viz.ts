/**
 * The `<tableau-viz>` the view page's early script (token-prefetch-script.ts) may have started before React
 * hydrated: the component adopts it for its first mount instead of rendering its own, hears the events it
 * fired while nobody listened, and listens to it from then on.
 */
import type { TableauVizElement } from "@/types/tableau-viz";
import { EARLY_EVENTS_PROP } from "./token-prefetch-script";

export const VIZ_EVENTS = ["firstinteractive", "vizloaderror", "filterchanged", "tabswitched"] as const;
export type VizEventType = (typeof VIZ_EVENTS)[number];

type EarlyElement = TableauVizElement & { [EARLY_EVENTS_PROP]?: Event[] };

declare global {
  interface Window {
    /** Set by the early script: settles to whether it started a viz. */
    __vizportEarlyViz?: Promise<boolean>;
  }
}

/**
 * The early viz, once the early script has decided: at once if it already started one, else after it settles
 * (false on a failed token, a failed library load, or when it did not run at all: no promise, no wait).
 */
export async function awaitEarlyViz(host: () => HTMLElement | null): Promise<EarlyViz | null> {
  const ready = findEarlyViz(host());
  if (ready) return ready;
  const pending = window.__vizportEarlyViz;
  if (!pending || !(await pending)) return null;
  return findEarlyViz(host());
}

export interface EarlyViz {
  element: TableauVizElement;
  /** Events fired before adoption; the early script keeps appending until the page goes. */
  missed: Event[];
}

/** The early viz in `host`, if the early script started one. */
export function findEarlyViz(host: HTMLElement | null): EarlyViz | null {
  const element = host?.firstElementChild as EarlyElement | null | undefined;
  if (!element || element.localName !== "tableau-viz") return null;
  const missed = element[EARLY_EVENTS_PROP];
  return Array.isArray(missed) ? { element, missed } : null;
}

/**
 * Passes the early viz's missed events to `handle` (once each), then its future ones; returns the unsubscribe.
 * Safe to call again (React's development double effects): an event is never handled twice.
 */
export function listenToEarlyViz(
  early: EarlyViz,
  handle: (type: VizEventType, event: Event) => void,
): () => void {
  const handled = handledEvents(early);
  const onEvent = (event: Event) => {
    if (handled.has(event)) return;
    handled.add(event);
    handle(event.type as VizEventType, event);
  };
  for (const event of [...early.missed]) onEvent(event);
  for (const type of VIZ_EVENTS) early.element.addEventListener(type, onEvent);
  return () => {
    for (const type of VIZ_EVENTS) early.element.removeEventListener(type, onEvent);
  };
}

const handledByViz = new WeakMap<EarlyViz, WeakSet<Event>>();
function handledEvents(early: EarlyViz): WeakSet<Event> {
  let handled = handledByViz.get(early);
  if (!handled) handledByViz.set(early, (handled = new WeakSet()));
  return handled;
}
