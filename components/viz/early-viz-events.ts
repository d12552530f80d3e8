/**
 * The viz element's events, wired by hand rather than through React's `on<event>` props: React attaches no
 * listener to a custom element it hydrates, and the view page server-renders its first `<tableau-viz>`. That
 * element may even have loaded before hydration: the events it raised by then, recorded by the page's early
 * script (early-viz-script.ts), are handed over once, in order, to the first element that asks.
 */
import { VIZ_EVENT_TYPES } from "./early-viz-script";

export type VizEventType = (typeof VIZ_EVENT_TYPES)[number];

declare global {
  interface Window {
    __vizportEarlyViz?: {
      take: () => Event[];
      /**
       * Calls `waiter` once the page's JavaScript may start: the viz is interactive or has failed, the visitor
       * reached for the page, or the wait ran out (at once if that has happened already).
       */
      opened: (waiter: () => void) => void;
    };
  }
}

/** The events `element` raised before the component listened, if the page's early script recorded them. */
export function takeEarlyVizEvents(element: Element): Event[] {
  const early = window.__vizportEarlyViz;
  if (!early) return [];
  return early.take().filter((event) => event.target === element);
}

/**
 * Listens to `element`'s viz events, after replaying the ones it raised before; `handle` is called with each.
 * Returns the function that stops listening.
 */
export function listenToViz(
  element: Element,
  handle: (type: VizEventType, event: Event) => void,
): () => void {
  const listeners = VIZ_EVENT_TYPES.map((type) => [type, (event: Event) => handle(type, event)] as const);
  for (const [type, listener] of listeners) element.addEventListener(type, listener);
  for (const event of takeEarlyVizEvents(element)) handle(event.type as VizEventType, event);
  return () => {
    for (const [type, listener] of listeners) element.removeEventListener(type, listener);
  };
}
