import type { ReactNode } from "react";
import { MAIN_ID } from "@/components/landmarks";
import { SiteHeader } from "@/components/site-header";
import { requireUser } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  // Only the header's user here: each page's own requireUser() sends someone who must change their password
  // to the password page, which this layout also wraps.
  const user = await requireUser({ passwordPage: true });
  return (
    <>
      <SiteHeader user={user} />
      <main className="container page" id={MAIN_ID} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
