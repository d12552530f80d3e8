/**
 * The ref callback of a `<tableau-viz>` element: keeps `vizRef` pointing at it and calls the latest handlers for
 * its events, including those it raised before this component hydrated (early-viz-events.ts).
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from "react";
import type {
  FilterChangedDetail,
  TabSwitchedDetail,
  TableauVizElement,
  VizLoadErrorDetail,
} from "@/types/tableau-viz";
import { listenToViz, type VizEventType } from "./early-viz-events";

export interface VizEventHandlers {
  firstinteractive: (event: CustomEvent<unknown>) => void;
  vizloaderror: (event: CustomEvent<VizLoadErrorDetail>) => void;
  filterchanged: (event: CustomEvent<FilterChangedDetail>) => void;
  tabswitched: (event: CustomEvent<TabSwitchedDetail>) => void;
}

export function useVizElement(
  vizRef: RefObject<TableauVizElement | null>,
  handlers: VizEventHandlers,
): (element: TableauVizElement | null) => (() => void) | undefined {
  // Listeners are attached once per element; they reach the handlers of the latest render through this ref.
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  return useCallback(
    (element: TableauVizElement | null) => {
      vizRef.current = element;
      if (!element) return undefined;
      const stop = listenToViz(element, (type: VizEventType, event: Event) => {
        if (event instanceof CustomEvent) latest.current[type](event);
      });
      return () => {
        stop();
        if (vizRef.current === element) vizRef.current = null;
      };
    },
    [vizRef],
  );
}
