/**
 * The viz frame's browser wiring: whether the viz area is full screen, and following the container's size
 * (the viz is 100% × 100% of it; resize() tells Tableau to lay out again).
 */
import { useEffect, useState, type RefObject } from "react";
import type { TableauVizElement } from "@/types/tableau-viz";

export function useFullscreen(root: RefObject<HTMLElement | null>): boolean {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === root.current);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [root]);
  return fullscreen;
}

export function useFollowSize(
  root: RefObject<HTMLElement | null>,
  viz: RefObject<TableauVizElement | null>,
): void {
  useEffect(() => {
    const element = root.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => viz.current?.resize?.());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [root, viz]);
}

/** Keeps the page URL a deep link to what is shown (`?Field=Value` for a filter or a parameter), without a navigation. */
export function syncUrl(filters: Record<string, string[]>): void {
  const url = new URL(window.location.href);
  for (const key of [...url.searchParams.keys()]) url.searchParams.delete(key);
  for (const [field, values] of Object.entries(filters)) url.searchParams.set(field, values.join(","));
  window.history.replaceState(window.history.state, "", url);
}
