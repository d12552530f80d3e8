/**
 * Names the viz's iframe after the view it shows ("Sales by Region"), for screen readers, which announce a frame
 * by its title: the Embedding API names it generically, and it has no documented attribute for the title. The
 * iframe is a child the element puts in the page, so the title is set on it from here, whenever an iframe
 * appears or its title changes (a remount makes a new one).
 */
import { useEffect, type RefObject } from "react";

export function useFrameTitle(root: RefObject<HTMLElement | null>, title: string): void {
  useEffect(() => {
    const element = root.current;
    if (!element || typeof MutationObserver === "undefined") return;
    const apply = () => {
      for (const frame of frames(element)) if (frame.title !== title) frame.title = title;
    };
    const observer = new MutationObserver(apply);
    observer.observe(element, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["title"],
    });
    apply();
    return () => observer.disconnect();
  }, [root, title]);
}

/** The iframes under `element`, in the page or in an open shadow root of the viz element. */
function frames(element: HTMLElement): HTMLIFrameElement[] {
  const found = [...element.querySelectorAll("iframe")];
  for (const host of element.querySelectorAll("tableau-viz"))
    if (host.shadowRoot) found.push(...host.shadowRoot.querySelectorAll("iframe"));
  return found;
}
