import Link from "next/link";
import { CATALOG_PAGE_VIEWS, getCatalog } from "@/lib/catalog";
import { getFavoriteViews } from "@/lib/favorites";
import { recentViewUrls } from "@/lib/recent";
import { listOwnSavedViews } from "@/lib/saved-views";
import type { EmbedErrorContext } from "@/lib/tableau/embed";
import { currentRequestId } from "@/lib/http/request-id";
import { logEvent } from "@/lib/log";
import { Announce } from "../live-announcer";
import { explainTableauError } from "@/lib/tableau/rest";
import { describeCatalogError } from "./describe-catalog-error";
import { CatalogList } from "./catalog-list";
import { FavoritesRow } from "./favorites-row";
import { RecentRow } from "./recent-row";
import { SavedViewsRow } from "./saved-views-row";

/** Loads and shows the signed-in user's catalog, with its empty, no-match and error states. */
export async function CatalogSection({
  userId,
  email,
  query,
  showAll,
  isAdmin,
  context,
}: {
  userId: string;
  email: string;
  query: string;
  /** List every matching view, not only the first page of them. */
  showAll: boolean;
  isAdmin: boolean;
  context: EmbedErrorContext;
}) {
  let found;
  const recentLoad = recentViewUrls(userId);
  // Favorites are a second REST call, in parallel; when it fails the catalog still shows, without stars.
  const favoritesLoad = getFavoriteViews(email).catch(async (error: unknown) => {
    logEvent("favorites.read_error", {
      requestId: await currentRequestId(),
      user: email,
      code: explainTableauError(error).code,
    });
    return null;
  });
  const savedLoad = listOwnSavedViews(email).catch(async (error: unknown) => {
    logEvent("saved_views.read_error", {
      requestId: await currentRequestId(),
      user: email,
      code: explainTableauError(error).code,
    });
    return null;
  });
  try {
    // The recent row is looked up among every view the user may see, not only the first page of them.
    const recentUrls = query ? [] : ((await recentLoad) ?? []);
    found = await getCatalog(email, query, showAll ? null : CATALOG_PAGE_VIEWS, recentUrls);
  } catch (error) {
    const explained = describeCatalogError(error, context);
    logEvent("catalog.error", { requestId: await currentRequestId(), user: email, code: explained.code });
    return (
      <div role="alert" className="alert alert-error stack" data-testid="catalog-error">
        <p>
          <strong>Dashboards could not be loaded.</strong> {explained.message}
        </p>
        {isAdmin && explained.adminMessage ? (
          <p data-testid="catalog-error-admin">
            <strong>For admins:</strong> {explained.adminMessage}
          </p>
        ) : null}
      </div>
    );
  }
  if (!found) return null;
  const { catalog, everything, picked } = found;
  const [favorites, recent, saved] = await Promise.all([favoritesLoad, recentLoad, savedLoad]);
  const favoriteIds = favorites ? new Set(favorites.map((f) => f.id)) : null;
  if (catalog.total === 0) {
    return (
      <div className="empty-state" data-testid="catalog-empty">
        <Announce message="No dashboards shared with you yet." />
        <h2>No dashboards shared with you yet</h2>
        <p className="muted">
          Tableau has no views that your account may see. Ask the dashboard&apos;s owner or a portal
          administrator to share one with you.
        </p>
      </div>
    );
  }
  if (catalog.shown === 0) {
    return (
      <div className="empty-state" data-testid="catalog-no-match">
        <Announce message={`No dashboards match “${query}”.`} />
        <h2>No dashboards match “{query}”</h2>
        <p className="muted">Try another word, or clear the search to see all {catalog.total} views.</p>
      </div>
    );
  }
  const count = query
    ? `${catalog.shown} of ${catalog.total} views match “${query}”.`
    : `${catalog.total} views.`;
  return (
    <>
      {/* Said aloud when the list arrives: after "Loading your dashboards…", a search or Clear. */}
      <Announce message={count} />
      {query ? null : <FavoritesRow favorites={favorites} />}
      {query ? null : <RecentRow views={recent === null ? null : picked} favoriteIds={favoriteIds} />}
      {query ? null : <SavedViewsRow saved={saved} catalog={everything} />}
      <p className="muted" data-testid="catalog-count">
        {count}
        {catalog.listed < catalog.shown ? (
          <>
            {` The first ${catalog.listed} are listed; search to narrow them down, or `}
            <Link href={`/?${new URLSearchParams({ ...(query ? { q: query } : {}), all: "1" })}`}>
              show all {catalog.shown}
            </Link>
            .
          </>
        ) : null}
      </p>
      <CatalogList catalog={catalog} favoriteIds={favoriteIds ? [...favoriteIds] : null} />
    </>
  );
}
