/**
 * The shared shape of every paged REST list: parse paging, filter, sort and fields up front (so a bad
 * parameter fails before any work); sort the whole site once per sort expression and filter it once per
 * (visibility class, sort, filter) (both cached: the site never changes while it runs), then serialise only
 * the requested page. A page of a 10,000-workbook site costs what its 100 items cost.
 */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest } from "../core/http";
import { siteIndex } from "../core/site-index";
import { parseFields, type FieldSets } from "./fields";
import { pageOf, parsePaging } from "./paging";
import { parseFilter, parseSort, type FieldDefs } from "./query";

const CACHE_LIMIT = 256;

export interface ListSpec<T extends { id: string }> {
  /** Cache namespace, e.g. "workbooks". */
  resource: string;
  all: readonly T[];
  defs: FieldDefs<T>;
  fields: FieldSets;
  visible: (item: T) => boolean;
  /** Who-sees-what class of the caller (e.g. "admin", "user"): callers with the same key see the same items. */
  visibilityKey: string;
  serialize: (item: T) => Record<string, unknown>;
  /** Adds to each item after `fields` picked from it (usage statistics, which `fields` does not name). */
  decorate?: (item: T, wire: Record<string, unknown>) => Record<string, unknown>;
}

export function listPage<T extends { id: string }>(req: EmuRequest, ctx: EmulatorContext, spec: ListSpec<T>) {
  const params = req.url.searchParams;
  const paging = parsePaging(req.url);
  const filter = parseFilter(params.get("filter"), spec.defs);
  const sort = parseSort(params.get("sort"), spec.defs);
  const pick = parseFields(params.get("fields"), spec.fields);

  const cache = siteIndex(ctx.site).sortCache;
  const fresh = touchesVolatile(spec.defs, params.get("filter"), params.get("sort"));
  const remember = (key: string, build: () => readonly T[]): readonly T[] => {
    if (fresh) return build();
    let hit = cache.get(key) as readonly T[] | undefined;
    if (!hit) {
      hit = build();
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, hit);
    }
    return hit;
  };
  const sortKey = `${spec.resource}|${sort?.key ?? ""}`;
  const ordered = sort ? remember(sortKey, () => [...spec.all].sort(sort.compare)) : spec.all;
  const matching = remember(`${sortKey}|${spec.visibilityKey}|${params.get("filter") ?? ""}`, () =>
    ordered.filter((item) => spec.visible(item) && (!filter || filter(item))),
  );
  const page = pageOf(matching, paging);
  const decorate = spec.decorate ?? ((_item: T, wire: Record<string, unknown>) => wire);
  return {
    pagination: page.pagination,
    items: page.items.map((item) => decorate(item, pick(spec.serialize(item)))),
  };
}

/** Whether a filter or sort names a field whose values change at run time. */
function touchesVolatile<T>(defs: FieldDefs<T>, ...exprs: (string | null)[]): boolean {
  const names = Object.keys(defs).filter((name) => defs[name]?.volatile);
  return exprs.some((expr) => expr !== null && names.some((n) => new RegExp(`(^|,)${n}:`).test(expr)));
}
