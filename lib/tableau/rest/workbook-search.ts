/**
 * "Name contains" search over workbooks. Tableau's filter has no `contains`/`like` operator (only `eq` and `in`
 * on names), so a substring search must look at every name. We scan the site's workbooks (with the project
 * filter and sort pushed down to Tableau, 1000 per request, pages fetched in parallel after the first), keep the
 * scan for a short time per user+filter+sort, and match case-insensitively here. Typing a new search or paging
 * through results then costs no request until the scan goes stale. Listing without a search never scans.
 */
import type { RestContext } from "./context";
import type { FilterCondition, SortKey } from "./filter";
import type { Page, Workbook } from "./types";
import { listWorkbooks } from "./workbooks";

const SCAN_PAGE_SIZE = 1000;
const SCAN_CONCURRENCY = 4;
/** A site larger than this is not scanned in full: results say so through `truncated`. */
const MAX_SCAN = 50_000;

export interface SearchOptions {
  contains: string;
  filter?: readonly FilterCondition[];
  sort?: readonly SortKey[];
  pageSize: number;
  pageNumber: number;
}

export interface ScanCache {
  ttlMs: number;
  now: () => number;
  entries: Map<string, { at: number; workbooks: Promise<Workbook[]> }>;
}

export async function searchWorkbooks(
  ctx: RestContext,
  cache: ScanCache,
  username: string,
  opts: SearchOptions,
): Promise<Page<Workbook>> {
  const all = await scan(ctx, cache, username, opts.filter ?? [], opts.sort ?? []);
  const needle = opts.contains.toLocaleLowerCase();
  const hits = all.filter((w) => w.name.toLocaleLowerCase().includes(needle));
  const start = (opts.pageNumber - 1) * opts.pageSize;
  return {
    items: hits.slice(start, start + opts.pageSize),
    pageNumber: opts.pageNumber,
    pageSize: opts.pageSize,
    totalAvailable: hits.length,
  };
}

function scan(
  ctx: RestContext,
  cache: ScanCache,
  username: string,
  filter: readonly FilterCondition[],
  sort: readonly SortKey[],
): Promise<Workbook[]> {
  const key = JSON.stringify([username, filter, sort]);
  const hit = cache.entries.get(key);
  if (hit && cache.now() - hit.at < cache.ttlMs) return hit.workbooks;
  const workbooks = scanAll(ctx, username, filter, sort);
  cache.entries.set(key, { at: cache.now(), workbooks });
  // A failed scan must not be served from the cache.
  workbooks.catch(() => cache.entries.delete(key));
  for (const [k, e] of cache.entries) if (cache.now() - e.at >= cache.ttlMs) cache.entries.delete(k);
  return workbooks;
}

async function scanAll(
  ctx: RestContext,
  username: string,
  filter: readonly FilterCondition[],
  sort: readonly SortKey[],
): Promise<Workbook[]> {
  const opts = { filter, sort, pageSize: SCAN_PAGE_SIZE };
  const first = await listWorkbooks(ctx, username, { ...opts, pageNumber: 1 });
  const total = Math.min(first.totalAvailable, MAX_SCAN);
  const pages = Math.ceil(total / SCAN_PAGE_SIZE);
  const rest: Workbook[][] = [];
  let next = 2;
  const worker = async () => {
    while (next <= pages) {
      const n = next++;
      rest[n - 2] = (await listWorkbooks(ctx, username, { ...opts, pageNumber: n })).items;
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, Math.max(0, pages - 1)) }, worker));
  return [first.items, ...rest].flat();
}
