import type { Metadata } from "next";
import { Suspense } from "react";
import { WorkbooksFilters } from "@/components/admin/workbooks-filters";
import { WorkbooksError } from "@/components/admin/workbooks-error";
import { ListShown, WorkbooksFocus } from "@/components/admin/workbooks-focus";
import { WorkbooksResults } from "@/components/admin/workbooks-results";
import { WorkbooksSkeleton } from "@/components/admin/workbooks-skeleton";
import { requireAdmin } from "@/lib/auth/session";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import { listWorkbooks } from "@/lib/admin/workbooks/actions";
import { projectNames } from "@/lib/admin/workbooks/load";
import { parseSearchParams, workbooksHref, type WorkbookQuery } from "@/lib/admin/workbooks/query";

export const metadata: Metadata = { title: "Workbooks" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WorkbooksPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdmin();
  const query = parseSearchParams(await searchParams);
  const href = workbooksHref(query);
  return (
    <WorkbooksFocus>
      <div className="stack-lg">
        <div className="page-header">
          <h1>Workbooks</h1>
          <p className="muted">Every workbook on the Tableau site, as your Tableau user sees it.</p>
        </div>
        <div>
          {/* Not keyed by the query: the controls stay put while a new page loads. */}
          <Suspense fallback={<WorkbooksFilters query={query} projects={[]} />}>
            <Filters query={query} email={admin.email} />
          </Suspense>
          {/* Keyed by the query so every change of search, sort or page shows the loading state again. */}
          <Suspense key={href} fallback={<WorkbooksSkeleton rows={Math.min(query.pageSize, 10)} />}>
            <Listing query={query} href={href} />
          </Suspense>
        </div>
      </div>
    </WorkbooksFocus>
  );
}

async function Filters({ query, email }: { query: WorkbookQuery; email: string }) {
  const username = await getRestUsername(email);
  // The listing reports a failure; here a missing project list only leaves the filter with "All projects".
  const projects = username ? await projectNames(getTableauClient(), username).catch(() => []) : [];
  return <WorkbooksFilters query={query} projects={projects} />;
}

async function Listing({ query, href }: { query: WorkbookQuery; href: string }) {
  // The action checks the admin role again; the page's own check above is what sends viewers the 403 page.
  const result = await listWorkbooks(query);
  if (!result.ok)
    return (
      <>
        <ListShown query={query} />
        <WorkbooksError {...result.error} retryHref={href} />
      </>
    );
  return <WorkbooksResults key={`${href}@${result.fetchedAt}`} initial={result} />;
}
