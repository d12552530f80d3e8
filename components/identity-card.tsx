import type { PortalUser } from "@/lib/auth/session";
import type { TableauIdentity } from "@/lib/directory";

function formatValue(value: string | string[]): string {
  return Array.isArray(value) ? value.join(", ") : value;
}

/** Who the visitor is in the portal and which Tableau user the portal vouches for on their behalf. */
export function IdentityCard({ user, identity }: { user: PortalUser; identity: TableauIdentity | null }) {
  const attributes = Object.entries(identity?.attributes ?? {});
  return (
    <section className="card" aria-labelledby="identity-title" data-testid="identity-card">
      <h2 id="identity-title">Your account</h2>
      <dl className="details">
        <dt>Signed in as</dt>
        <dd data-testid="portal-email">
          {user.email}{" "}
          <span className={user.role === "admin" ? "badge badge-admin" : "badge"}>{user.role}</span>
        </dd>
        <dt>Tableau user</dt>
        <dd data-testid="tableau-user">{identity ? identity.username : "None"}</dd>
        {attributes.length > 0 ? (
          <>
            <dt>Data limited to</dt>
            <dd data-testid="tableau-attributes">
              {attributes.map(([name, value]) => `${name}: ${formatValue(value)}`).join(" · ")}
            </dd>
          </>
        ) : null}
        {identity && identity.groups.length > 0 ? (
          <>
            <dt>Tableau groups</dt>
            <dd>{identity.groups.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      {identity ? null : (
        <p role="alert" className="alert alert-warning" data-testid="unmapped-notice">
          Your portal account is not linked to a Tableau user, so no dashboards can be shown to you. Ask a
          portal administrator to add a Tableau username for {user.email}.
        </p>
      )}
    </section>
  );
}
