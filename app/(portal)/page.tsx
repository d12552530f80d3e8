import type { Metadata } from "next";
import { IdentityCard } from "@/components/identity-card";
import { requireUser } from "@/lib/auth/session";
import { getTableauIdentity } from "@/lib/directory";

export const metadata: Metadata = { title: "Dashboards" };

export default async function HomePage() {
  const user = await requireUser();
  const identity = getTableauIdentity(user.email);
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Dashboards</h1>
        <p className="muted">Welcome, {user.name}.</p>
      </div>
      <IdentityCard user={user} identity={identity} />
    </div>
  );
}
