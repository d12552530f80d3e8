/**
 * The catalog listing cached per REST principal for VIZPORT_CATALOG_CACHE_SECONDS (default 30 s), in memory or
 * Redis, with one listing in flight per principal on each instance: a page load or a search within that time
 * reads the cache, not Tableau's whole listing again. Per principal (Tableau user plus attributes), so two
 * people see the same list only when Tableau would show them the same. A store that does not answer is a miss.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { getCacheStore, jsonCodec, shared, SingleFlight } from "@/lib/store";
import type { TableauClient } from "@/lib/tableau/rest";
import { loadCatalogContent, type CatalogContent } from "./load";

/** Principals whose listings memory keeps at once (Redis bounds its own by time to live). */
const MAX_PRINCIPALS = 1000;

function listings(): SingleFlight<CatalogContent> | null {
  return shared("catalog.listings", () => {
    const seconds = getEnv().caches.catalogSeconds;
    if (seconds === 0) return null;
    const cache = getCacheStore().cache({
      name: "catalog",
      codec: jsonCodec<CatalogContent>(),
      maxEntries: MAX_PRINCIPALS,
    });
    return new SingleFlight(cache, seconds * 1000);
  });
}

export function loadCachedCatalog(
  client: Pick<TableauClient, "listViewsForSite" | "listWorkbooks">,
  principal: string,
): Promise<CatalogContent> {
  const flight = listings();
  const load = () => loadCatalogContent(client, principal);
  return flight ? flight.get(principal, load) : load();
}
