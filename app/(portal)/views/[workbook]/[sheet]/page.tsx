import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { IdentityCard } from "@/components/identity-card";
import { TableauViz } from "@/components/tableau-viz";
import { TOKEN_PREFETCH_SCRIPT } from "@/components/viz/token-prefetch-script";
import { requireUser } from "@/lib/auth/session";
import { getViewForUser } from "@/lib/catalog";
import { OVER_BUDGET, withinBudget } from "@/lib/catalog/within-budget";
import { getTableauIdentity } from "@/lib/directory";
import { getEnv } from "@/lib/env";
import { requestNonce } from "@/lib/http/nonce";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { deepLinkFilters, embeddingApiScriptUrl, viewEmbedUrl } from "@/lib/tableau/embed";
import { explainTableauError, type View } from "@/lib/tableau/rest";
import { ViewBreadcrumb } from "./view-breadcrumb";

type Params = Promise<{ workbook: string; sheet: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// URL parts of a Tableau contentUrl: bounded, no slash. Anything else cannot be a view, so it is a 404.
const partSchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\]+$/);
const paramsSchema = z.object({ workbook: partSchema, sheet: partSchema });

/** How long the page waits for the REST lookup below before it shows the viz without it. */
const VIEW_LOOKUP_BUDGET_MS = 3_000;

/** The portal's quick filter: the sample data's regions (every demo view has the Region field). */
const REGION_FILTER = { field: "Region", values: ["Central", "East", "South", "West"] };

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const parsed = paramsSchema.safeParse(await params);
  return { title: parsed.success ? parsed.data.sheet : "Dashboard" };
}

export default async function ViewPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { workbook, sheet } = parsed.data;

  const identity = await getTableauIdentity(user.email);
  if (!identity) return <IdentityCard user={user} identity={null} />;

  // REST tells whether the view exists for this user (else 404) and its project. When REST fails or is slow, the
  // viz is still shown from the URL: Tableau enforces permissions there too, and the viz explains its own errors.
  // Nothing of the page reaches the browser before this answer, so a slow Tableau is not waited for.
  let view: View | null | undefined;
  try {
    const found = await withinBudget(getViewForUser(user.email, workbook, sheet), VIEW_LOOKUP_BUDGET_MS);
    if (found === OVER_BUDGET)
      logEvent("view.resolve_slow", {
        requestId: await currentRequestId(),
        user: user.email,
        budgetMs: VIEW_LOOKUP_BUDGET_MS,
      });
    else view = found;
  } catch (error) {
    logEvent("view.resolve_error", {
      requestId: await currentRequestId(),
      user: user.email,
      code: explainTableauError(error).code,
    });
  }
  if (view === null) notFound();

  const env = getEnv();
  const { server, site } = env.tableau;
  const embeddingApi = env.embedLibrary === "server" ? embeddingApiScriptUrl(server) : undefined;
  return (
    <div className="stack">
      {/* Starts the first embed-token request, the Tableau server's Embedding API and (on a direct load) the viz
          itself before the page's own chunks and hydration. Inline, with the request's CSP nonce: a script file
          would queue behind the page's ten chunks for one of the browser's six connections to the portal. */}
      {/* React puts these links in the head (react-dom's preconnect() from a server component reaches only the
          client, after hydration): the connection to Tableau and the Embedding API's fetch start with the page. */}
      <link rel="preconnect" href={new URL(server).origin} crossOrigin="use-credentials" />
      {embeddingApi ? <link rel="modulepreload" href={embeddingApi} /> : null}
      <script
        nonce={await requestNonce()}
        data-embedding-api={embeddingApi}
        dangerouslySetInnerHTML={{ __html: TOKEN_PREFETCH_SCRIPT }}
      />
      <ViewBreadcrumb project={view?.projectName} workbook={workbook} view={view?.name ?? sheet} />
      <h1>{view?.name ?? sheet}</h1>
      <TableauViz
        src={viewEmbedUrl(server, site, `${workbook}/sheets/${sheet}`)}
        server={server}
        site={site}
        embedLibrary={env.embedLibrary}
        timeoutSeconds={env.vizTimeoutSeconds}
        isAdmin={user.role === "admin"}
        tableauUsername={identity.username}
        initialFilters={deepLinkFilters(await searchParams)}
        quickFilter={REGION_FILTER}
        toolbar="bottom"
      />
    </div>
  );
}
