"use client";
/**
 * On a direct load, hydrates its children only once the server-rendered viz has settled (interactive, or
 * failed), the visitor reaches for the page, or a few seconds have passed. The viz and the page share one main
 * thread (the Tableau iframe is same-site, so Chromium keeps it in the page's process); hydrating the toolbar
 * and the controls first would make the viz wait for work nobody can use before it shows. Until then the
 * server's HTML stays as it is (React leaves a suspended boundary dehydrated) and the viz loads on its own: the
 * early script defined `<tableau-viz>` and records its events for the component (early-viz-events.ts).
 * After a client-side navigation, or on the server, it renders its children at once.
 */
import { Suspense, use, type ReactNode } from "react";

/** Hydration waits at most this long for the viz. */
const MAX_WAIT_MS = 4000;
const REACHING_FOR_THE_PAGE = ["pointerdown", "keydown", "focusin"] as const;

let gate: Promise<void> | null | undefined;

function hydrationGate(): Promise<void> | null {
  if (typeof window === "undefined") return null;
  if (gate !== undefined) return gate;
  // Only the first render in a browser that ran the page's early script is a hydration worth holding.
  const early = window.__vizportEarlyViz;
  if (!early) return (gate = null);
  gate = new Promise<void>((resolve) => {
    early.settled(resolve);
    for (const type of REACHING_FOR_THE_PAGE)
      document.addEventListener(type, () => resolve(), { capture: true, once: true });
    setTimeout(resolve, MAX_WAIT_MS);
  });
  return gate;
}

function Gate({ children }: { children: ReactNode }) {
  const pending = hydrationGate();
  if (pending) use(pending);
  return children;
}

export function HydrateAfterViz({ children }: { children: ReactNode }) {
  return (
    <Suspense fallback={null}>
      <Gate>{children}</Gate>
    </Suspense>
  );
}
