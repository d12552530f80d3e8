/**
 * The shared shape of every paged REST list: parse paging, filter, sort and fields up front (so a bad
 * parameter fails before any work), sort the whole site once per sort expression (cached), then filter by
 * permission and expression and serialise only the requested page.
 */
import type { EmulatorContext } from "../core/context";
import type { EmuRequest } from "../core/http";
import { siteIndex } from "../core/site-index";
import { parseFields, type FieldSets } from "./fields";
import { pageOf, parsePaging } from "./paging";
import { parseFilter, parseSort, type FieldDefs } from "./query";

const SORT_CACHE_LIMIT = 64;

export interface ListSpec<T extends { id: string }> {
  /** Cache namespace, e.g. "workbooks". */
  resource: string;
  all: readonly T[];
  defs: FieldDefs<T>;
  fields: FieldSets;
  visible: (item: T) => boolean;
  serialize: (item: T) => Record<string, unknown>;
}

export function listPage<T extends { id: string }>(req: EmuRequest, ctx: EmulatorContext, spec: ListSpec<T>) {
  const params = req.url.searchParams;
  const paging = parsePaging(req.url);
  const filter = parseFilter(params.get("filter"), spec.defs);
  const sort = parseSort(params.get("sort"), spec.defs);
  const pick = parseFields(params.get("fields"), spec.fields);

  let ordered = spec.all;
  if (sort) {
    const cache = siteIndex(ctx.site).sortCache;
    const key = `${spec.resource}|${sort.key}`;
    let hit = cache.get(key) as readonly T[] | undefined;
    if (!hit) {
      hit = [...spec.all].sort(sort.compare);
      if (cache.size >= SORT_CACHE_LIMIT) cache.clear();
      cache.set(key, hit);
    }
    ordered = hit;
  }
  const matching = ordered.filter((item) => spec.visible(item) && (!filter || filter(item)));
  const page = pageOf(matching, paging);
  return { pagination: page.pagination, items: page.items.map((item) => pick(spec.serialize(item))) };
}
