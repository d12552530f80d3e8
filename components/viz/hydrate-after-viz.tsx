"use client";
/**
 * On a direct load, hydrates its children only once the page's early script opens its gate: the server-rendered
 * viz has settled (interactive, or failed), the visitor reached for the page, or a few seconds have passed
 * (early-viz-script.ts). The early script already holds the start of the page's JavaScript until then; this
 * boundary keeps the viz's own part of the page (its toolbar, controls, saved views) dehydrated should the
 * page start sooner, so that hydrating them never makes the viz wait: React leaves a suspended boundary as the
 * server's HTML, and the viz goes on loading on its own.
 * After a client-side navigation, or on the server, it renders its children at once.
 */
import { Suspense, use, type ReactNode } from "react";

let gate: Promise<void> | null | undefined;

function hydrationGate(): Promise<void> | null {
  if (typeof window === "undefined") return null;
  if (gate !== undefined) return gate;
  // Only the first render in a browser that ran the page's early script is a hydration worth holding.
  const early = window.__vizportEarlyViz;
  if (!early) return (gate = null);
  // `opened` calls back at once when the gate is already open (the page started after the viz settled).
  let open = false;
  early.opened(() => (open = true));
  return (gate = open ? null : new Promise<void>((resolve) => early.opened(resolve)));
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
