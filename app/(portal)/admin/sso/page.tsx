import type { Metadata } from "next";
import { AuditHistory } from "@/components/admin/users/audit-history";
import { RulesEditor } from "@/components/admin/sso/rules-editor";
import { RulesTable } from "@/components/admin/sso/rules-table";
import { requireAdmin } from "@/lib/auth/session";
import { ssoRulesDb } from "@/lib/auth/sso/rules";
import { listAudit } from "@/lib/db/repositories/audit";
import { loadSsoRules, SSO_RULES_TARGET } from "@/lib/db/repositories/sso-rules";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Single sign-on rules" };

const EMPTY = `{
  "version": 1,
  "rules": [
    { "name": "Everyone at Example", "match": { "emailDomain": "example.com" }, "role": "viewer" }
  ]
}
`;

export default async function SsoRulesPage() {
  await requireAdmin();
  const db = await ssoRulesDb();
  const [stored, history] = await Promise.all([
    loadSsoRules(db),
    listAudit(db, { target: SSO_RULES_TARGET, limit: 10 }),
  ]);
  const { oidc } = getEnv().sso;
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Single sign-on rules</h1>
        <p className="muted">
          {oidc
            ? `People who sign in with ${oidc.name} get the role and Tableau identity of the first rule that matches them; nobody else gets in. The rules are read again at every sign-in.`
            : "Single sign-on is not configured (AUTH_OIDC_ISSUER): these rules apply once it is."}
        </p>
      </div>
      <section className="card stack" aria-labelledby="order-title">
        <h2 id="order-title">In order</h2>
        {stored ? (
          <>
            <p className="muted small" data-testid="rules-version">
              Version {stored.version}, saved {stored.updatedAt.replace("T", " ").slice(0, 16)} UTC by{" "}
              {stored.updatedBy}.
            </p>
            <RulesTable rules={stored.rules.rules} />
          </>
        ) : (
          <p>No rules yet: every single sign-on is refused until some are saved.</p>
        )}
      </section>
      <section className="card stack" aria-labelledby="edit-title">
        <h2 id="edit-title">Edit</h2>
        <RulesEditor document={stored?.document ?? EMPTY} version={stored?.version ?? 0} />
      </section>
      <section className="card stack" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <AuditHistory entries={history.map((entry) => ({ ...entry, changes: {} }))} />
      </section>
    </div>
  );
}
