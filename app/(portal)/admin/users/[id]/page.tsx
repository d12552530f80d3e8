import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountActions } from "@/components/admin/users/account-actions";
import { SsoFieldsNotice } from "@/components/admin/users/sso-fields";
import { AuditHistory } from "@/components/admin/users/audit-history";
import { MappingBadge } from "@/components/admin/users/mapping-badge";
import { UserForm } from "@/components/admin/users/user-form";
import { attributeLines } from "@/lib/admin/users/form";
import { checkMappings } from "@/lib/admin/users/mapping-check";
import { requireAdmin } from "@/lib/auth/session";
import { findAccountById } from "@/lib/db/repositories/accounts";
import { listAudit } from "@/lib/db/repositories/audit";
import { accountsDb } from "@/lib/directory";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const parsed = z.uuid().safeParse((await params).id);
  if (!parsed.success) return null;
  return findAccountById(await accountsDb(), parsed.data);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const account = await load(params).catch(() => null);
  return { title: account ? `${account.email} · Users` : "Users" };
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const account = await load(params);
  if (!account) notFound();
  const created = (await searchParams).created === "1";
  const [checks, history] = await Promise.all([
    checkMappings([account]),
    listAudit(await accountsDb(), { target: account.email, limit: 30 }),
  ]);
  const check = checks.get(account.id);
  return (
    <div className="stack-lg">
      <div className="page-header">
        <p>
          <Link href="/admin/users">← All users</Link>
        </p>
        <h1>{account.email}</h1>
        <p className="muted">
          {account.source === "sso" ? "Signs in with single sign-on. " : ""}
          {account.disabled ? "Disabled. " : ""}
          {account.mustChangePassword ? "Must choose a new password at next sign-in. " : ""}
          {account.lastSignInAt
            ? `Last signed in ${account.lastSignInAt.replace("T", " ").slice(0, 16)} UTC.`
            : "Never signed in."}
        </p>
      </div>
      {created ? (
        <p className="alert alert-success" role="status">
          Added {account.email}. They are asked to choose their own password when they first sign in.
        </p>
      ) : null}
      <section className="card stack" aria-labelledby="mapping-title">
        <h2 id="mapping-title">Tableau mapping</h2>
        {check ? (
          <p>
            {account.tableau ? <strong>{account.tableau.username}</strong> : null}{" "}
            <MappingBadge check={check} />
          </p>
        ) : null}
        {account.source === "sso" ? (
          <SsoFieldsNotice
            target={{ id: account.id, version: account.version }}
            manualFields={account.manualFields}
            rule={account.ssoRule}
            syncedAt={account.ssoSyncedAt}
          />
        ) : null}
        <UserForm
          values={{
            id: account.id,
            version: account.version,
            name: account.name,
            role: account.role,
            tableauUsername: account.tableau?.username ?? "",
            attributes: attributeLines(account.tableau?.attributes ?? {}),
            groups: (account.tableau?.groups ?? []).join("\n"),
          }}
        />
      </section>
      <AccountActions
        target={{
          id: account.id,
          version: account.version,
          email: account.email,
          disabled: account.disabled,
          isSelf: account.id === admin.id,
        }}
      />
      <section className="card stack" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <AuditHistory entries={history} />
      </section>
    </div>
  );
}
