"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A header link that marks itself as the current page. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current =
    href === "/" ? pathname === "/" || pathname.startsWith("/views/") : pathname.startsWith(href);
  return (
    // No prefetch: on a view page it would compete with the viz load for the network and the server.
    <Link href={href} prefetch={false} className="site-nav-link" aria-current={current ? "page" : undefined}>
      {children}
    </Link>
  );
}
