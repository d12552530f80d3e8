/**
 * The catalog listing cached per REST principal for VIZPORT_CATALOG_CACHE_SECONDS (default 30 s), in memory or
 * Redis, with one listing in flight per principal on each instance: a page load or a search within that time
 * reads the cache, not Tableau's whole listing again. Per principal (Tableau user plus attributes), so two
 * people see the same list only when Tableau would show them the same. A store that does not answer is a miss.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { getCacheStore, jsonCodec, LayeredCache, MemoryCache, shared, SingleFlight } from "@/lib/store";
import type { TableauClient } from "@/lib/tableau/rest";
import type { CatalogViewSource, CatalogWorkbookSource } from "./group";
import { findView, isViewAt, loadCatalogContent } from "./load";

/** The listing as cached: only what the catalog shows and searches. */
export interface CachedCatalog {
  views: CatalogViewSource[];
  workbooks: CatalogWorkbookSource[];
}

/** Principals whose listings memory keeps at once (Redis bounds its own by time to live). */
const MAX_PRINCIPALS = 1000;
/** With Redis, each instance keeps a decoded copy this long, so a hot listing is not parsed on every load. */
const LOCAL_COPY_MS = 5_000;

function listings(): SingleFlight<CachedCatalog> | null {
  return shared("catalog.listings", () => {
    const seconds = getEnv().caches.catalogSeconds;
    if (seconds === 0) return null;
    const options = { name: "catalog", codec: jsonCodec<CachedCatalog>(), maxEntries: MAX_PRINCIPALS };
    const store = getCacheStore();
    const cache = store.shared
      ? new LayeredCache(
          new MemoryCache(options),
          store.cache(options),
          Math.min(LOCAL_COPY_MS, seconds * 1000),
        )
      : store.cache(options);
    return new SingleFlight(cache, seconds * 1000);
  });
}

async function loadTrimmed(
  client: Pick<TableauClient, "listViewsForSite" | "listWorkbooks">,
  principal: string,
): Promise<CachedCatalog> {
  const { views, workbooks } = await loadCatalogContent(client, principal);
  return {
    views: views.map(
      ({ id, name, workbookId, workbookContentUrl, sheetUrl, sheetType, projectName, tags }) => ({
        id,
        name,
        workbookId,
        workbookContentUrl,
        sheetUrl,
        sheetType,
        projectName,
        tags,
      }),
    ),
    workbooks: workbooks.map(({ id, name, projectName }) => ({ id, name, projectName })),
  };
}

export function loadCachedCatalog(
  client: Pick<TableauClient, "listViewsForSite" | "listWorkbooks">,
  principal: string,
): Promise<CachedCatalog> {
  const flight = listings();
  const load = () => loadTrimmed(client, principal);
  return flight ? flight.get(principal, load) : load();
}

/**
 * The view `principal` asked for by its URL parts, or null (unknown, or hidden from them by Tableau): found in
 * their cached listing when one is cached now (a page opened from the catalog costs no call to Tableau), else
 * asked of Tableau, since a view the listing lacks may be newer than it.
 */
export async function findListedView(
  client: Pick<TableauClient, "listViewsForSite">,
  principal: string,
  workbook: string,
  sheet: string,
): Promise<CatalogViewSource | null> {
  const listing = await listings()?.peek(principal);
  const listed = listing?.views.find((v) => isViewAt(v, workbook, sheet));
  return listed ?? findView(client, principal, workbook, sheet);
}
