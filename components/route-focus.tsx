"use client";

/**
 * After a client-side navigation to another page, focus goes to the new page's `<main id="main">`: the link or
 * button that was used is gone with the old page, and focus would otherwise fall to `<body>`, sending a keyboard
 * user back to the top and a screen reader nowhere. Next.js announces the new title itself; it leaves focus
 * alone. A first load keeps the browser's own start (the skip link is the first stop).
 */
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { MAIN_ID } from "./landmarks";

export function RouteFocus() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // preventScroll: Next.js has already scrolled the new page to where it belongs.
    document.getElementById(MAIN_ID)?.focus({ preventScroll: true });
  }, [pathname]);
  return null;
}
