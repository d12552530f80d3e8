import type { Metadata } from "next";
import { Suspense } from "react";
import { z } from "zod";
import { CatalogSearch } from "@/components/catalog/catalog-search";
import { CatalogSection } from "@/components/catalog/catalog-section";
import { IdentityCard } from "@/components/identity-card";
import { requireUser } from "@/lib/auth/session";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Dashboards" };

// `?q=` is untrusted: a repeated or overlong value is cut down to one bounded string, never an error.
const querySchema = z.object({
  q: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim().slice(0, 100)),
  // `?all=1` lists every matching view; anything else, the first page of them.
  all: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (Array.isArray(v) ? v[0] : v) === "1"),
});

export default async function HomePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const identity = await getTableauIdentity(user.email);
  const env = getEnv();
  const parsed = querySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data.q : "";
  const showAll = parsed.success ? parsed.data.all : false;
  return (
    <div className="stack-lg">
      <div className="page-header">
        <h1>Dashboards</h1>
        <p className="muted">
          Welcome, {user.name}.{" "}
          {identity ? `These are the views Tableau shares with ${identity.username}.` : null}
        </p>
      </div>
      {identity ? (
        <>
          <CatalogSearch query={query} />
          <Suspense
            key={`${query}\u0000${showAll}`}
            fallback={
              <p className="muted" role="status">
                Loading your dashboards…
              </p>
            }
          >
            <CatalogSection
              userId={user.id}
              email={user.email}
              query={query}
              showAll={showAll}
              isAdmin={user.role === "admin"}
              context={{
                tableauUsername: identity.username,
                site: env.tableau.site,
                server: env.tableau.server,
              }}
            />
          </Suspense>
        </>
      ) : null}
      <IdentityCard user={user} identity={identity} />
    </div>
  );
}
