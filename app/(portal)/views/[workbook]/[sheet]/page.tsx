import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { after } from "next/server";
import { Suspense } from "react";
import { IdentityCard } from "@/components/identity-card";
import { TableauViz } from "@/components/tableau-viz";
import { EARLY_VIZ_SCRIPT } from "@/components/viz/early-viz-script";
import { HydrateAfterViz } from "@/components/viz/hydrate-after-viz";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { requestNonce } from "@/lib/http/nonce";
import { deepLinkFilters, embeddingApiScriptUrl, viewEmbedUrl } from "@/lib/tableau/embed";
import { viewParamsSchema } from "@/lib/tableau/view-params";
import { viewContentUrl } from "@/lib/view-settings/content-url";
import { loadControlSettings } from "@/lib/view-settings/store";
import { recordVisit } from "@/lib/recent";
import { lookupSavedView } from "@/lib/saved-views";
import { customViewUrlName, SAVED_VIEW_PARAM } from "@/lib/saved-views/paths";
import { lookupView } from "./lookup-view";
import { pageEmbedToken } from "./page-embed-token";
import { SavedViewNotice } from "./saved-view-notice";
import { ViewBreadcrumb } from "./view-breadcrumb";
import { ViewFavorite } from "./view-favorite";

type Params = Promise<{ workbook: string; sheet: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The view's own name as Tableau has it ("Sales by Region"), not its URL part ("SalesbyRegion"). */
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = viewParamsSchema.safeParse(await params);
  const user = await getCurrentUser();
  if (!parsed.success || !user) return { title: "Dashboard" };
  const { workbook, sheet } = parsed.data;
  if (!(await getTableauIdentity(user.email))) return { title: "Dashboard unavailable" };
  const view = await lookupView(user.email, workbook, sheet);
  if (view === null) return { title: "Dashboard not found" };
  return { title: view?.name ?? sheet };
}

export default async function ViewPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const parsed = viewParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { workbook, sheet } = parsed.data;

  const identity = await getTableauIdentity(user.email);
  if (!identity)
    return (
      <div className="stack">
        <h1>Dashboard unavailable</h1>
        <IdentityCard user={user} identity={null} />
      </div>
    );

  const contentUrl = viewContentUrl(workbook, sheet);
  // `?cv=` names a saved view (a Tableau custom view); the rest of the query is deep-link filters.
  const { [SAVED_VIEW_PARAM]: rawSaved, ...deepLink } = await searchParams;
  const savedId = Array.isArray(rawSaved) ? rawSaved[0] : rawSaved;
  const viewLoad = lookupView(user.email, workbook, sheet);
  const [view, controlSettings, saved] = await Promise.all([
    viewLoad,
    loadControlSettings(contentUrl),
    savedId === undefined
      ? null
      : lookupSavedView(
          user.email,
          savedId,
          viewLoad.then((v) => v?.id),
        ),
  ]);
  if (view === null) notFound();
  if (saved?.kind === "elsewhere") redirect(saved.path);
  // After the response: the visit's record must not hold up the viz (and logs its own failure).
  if (view) after(() => recordVisit(user.id, contentUrl, view.name));

  const env = getEnv();
  const { server, site } = env.tableau;
  const viewSrc = viewEmbedUrl(server, site, `${workbook}/sheets/${sheet}`);
  const src =
    saved?.kind === "found"
      ? `${viewSrc}/${encodeURIComponent(saved.customView.id)}/${customViewUrlName(saved.customView.name)}`
      : viewSrc;
  const embeddingApi = env.embedLibrary === "server" ? embeddingApiScriptUrl(server) : undefined;
  return (
    <div className="stack">
      {/* React puts these links in the head: the connection to Tableau and the Embedding API's fetch start
          with the page. */}
      <link rel="preconnect" href={new URL(server).origin} crossOrigin="use-credentials" />
      {embeddingApi ? <link rel="modulepreload" href={embeddingApi} /> : null}
      {/* Inline, with the request's CSP nonce, so it runs as the parser reaches it: see early-viz-script.ts. */}
      <script
        nonce={await requestNonce()}
        data-embedding-api={embeddingApi}
        dangerouslySetInnerHTML={{ __html: EARLY_VIZ_SCRIPT }}
      />
      <ViewBreadcrumb project={view?.projectName} workbook={workbook} view={view?.name ?? sheet} />
      <div className="view-title">
        <h1>{view?.name ?? sheet}</h1>
        {view ? (
          <Suspense fallback={null}>
            <ViewFavorite email={user.email} viewId={view.id} label={view.name} />
          </Suspense>
        ) : null}
      </div>
      {saved && saved.kind !== "found" ? (
        <SavedViewNotice lookup={saved} viewName={view?.name ?? sheet} />
      ) : null}
      <HydrateAfterViz>
        <TableauViz
          src={src}
          title={view?.name ?? sheet}
          server={server}
          site={site}
          embedLibrary={env.embedLibrary}
          timeoutSeconds={env.vizTimeoutSeconds}
          isAdmin={user.role === "admin"}
          tableauUsername={identity.username}
          initialToken={await pageEmbedToken(user)}
          initialFilters={deepLinkFilters(deepLink)}
          controls={{ view: contentUrl, stored: controlSettings }}
          toolbar="bottom"
          savedViews
        />
      </HydrateAfterViz>
    </div>
  );
}
