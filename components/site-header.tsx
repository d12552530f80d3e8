import Link from "next/link";
import type { PortalUser } from "@/lib/auth/session";
import { MAIN_ID } from "./landmarks";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export function SiteHeader({ user }: { user: PortalUser }) {
  return (
    <header className="site-header">
      {/* The first stop: past the header's links straight to the page's content (WCAG 2.4.1). */}
      <a href={`#${MAIN_ID}`} className="skip-link">
        Skip to content
      </a>
      <div className="container site-header-inner">
        <Link href="/" className="brand" prefetch={false}>
          Vizport
        </Link>
        <nav aria-label="Main" className="site-nav">
          <NavLink href="/">Dashboards</NavLink>
          {user.role === "admin" ? (
            <>
              <NavLink href="/admin/workbooks">Workbooks</NavLink>
              <NavLink href="/admin/users">Users</NavLink>
              <NavLink href="/admin/sso">SSO rules</NavLink>
              <NavLink href="/admin/status">Status</NavLink>
            </>
          ) : null}
        </nav>
        <div className="site-user">
          <span className="site-user-name" data-testid="current-user">
            {user.name}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
