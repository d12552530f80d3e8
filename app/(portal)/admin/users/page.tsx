import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { Suspense } from "react";
import { UsersTable } from "@/components/admin/users/users-table";
import { ListShown } from "@/components/list-shown";
import { requireAdmin } from "@/lib/auth/session";
import { checkMappings } from "@/lib/admin/users/mapping-check";
import { parseUsersQuery, USERS_PAGE_SIZE, usersHref, type UsersQuery } from "@/lib/admin/users/query";
import { listAccounts } from "@/lib/db/repositories/accounts";
import { accountsDb } from "@/lib/directory";

export const metadata: Metadata = { title: "Users" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const params = await searchParams;
  const query = parseUsersQuery(params);
  const deleted = typeof params.deleted === "string" ? params.deleted.slice(0, 254) : "";
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Users</h1>
        <p className="muted">
          Who may sign in to the portal, their role, and the Tableau user each one maps to.
        </p>
      </div>
      {deleted ? (
        <p className="alert alert-success" role="status">
          Deleted {deleted}.
        </p>
      ) : null}
      <div className="row">
        {/* next/form: a search is a client-side navigation, so focus stays in the field while the list changes. */}
        <Form role="search" action="/admin/users" className="row">
          <label className="field">
            <span>Search accounts</span>
            <input
              type="search"
              name="q"
              defaultValue={query.q}
              maxLength={100}
              placeholder="e-mail, name or Tableau user"
            />
          </label>
          <button type="submit" className="button button-secondary">
            Search
          </button>
        </Form>
        <Link href="/admin/users/new" className="button button-primary">
          Add a user
        </Link>
        <Link href="/admin/users/check" className="button button-ghost">
          Check every mapping
        </Link>
      </div>
      <Suspense
        key={usersHref(query)}
        fallback={
          <p className="muted" role="status">
            Loading accounts…
          </p>
        }
      >
        <Listing query={query} />
      </Suspense>
    </div>
  );
}

async function Listing({ query }: { query: UsersQuery }) {
  const db = await accountsDb();
  const { rows, total } = await listAccounts(db, {
    search: query.q,
    page: query.page,
    pageSize: USERS_PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const checks = await checkMappings(rows);
  const summary =
    total === 0
      ? query.q
        ? `No account matches “${query.q}”.`
        : "No accounts yet."
      : `${total} account${total === 1 ? "" : "s"}${query.q ? ` matching “${query.q}”` : ""}, page ${Math.min(query.page, pages)} of ${pages}.`;
  return (
    <section aria-labelledby="users-summary" className="stack">
      {/* Announced by ListShown after a search or page change; focus lands here when the pager link is gone. */}
      <ListShown list="users" href={usersHref(query)} summaryId="users-summary" text={summary} />
      <p id="users-summary" tabIndex={-1} data-testid="users-summary">
        {summary}
      </p>
      {rows.length ? <UsersTable accounts={rows} checks={checks} /> : null}
      {pages > 1 ? (
        <nav aria-label="Pages of accounts" className="row">
          {query.page > 1 ? (
            <Link className="button button-ghost" href={usersHref({ ...query, page: query.page - 1 })}>
              Previous page
            </Link>
          ) : null}
          {query.page < pages ? (
            <Link className="button button-ghost" href={usersHref({ ...query, page: query.page + 1 })}>
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
