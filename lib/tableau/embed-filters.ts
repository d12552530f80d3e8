/**
 * Deep links: `?Field=A` (or `?Field=A,B`) on a view page's URL becomes `<viz-filter field="Field" value="A">`;
 * an entry that names one of the viz's parameters sets it instead (components/viz/read-controls.ts). Query parameters are untrusted input: names and values are bounded, Tableau's own URL options
 * (`:embed`, `:toolbar`…) and tracking parameters are ignored, and anything odd is dropped, never an error.
 */

export type FilterMap = Record<string, string[]>;

const FIELD = /^[A-Za-z][A-Za-z0-9 _-]{0,63}$/;
const IGNORED = /^(utm_|fbclid$|gclid$|q$)/i;
const MAX_FIELDS = 10;
const MAX_VALUES = 50;
const MAX_VALUE_LENGTH = 200;

export function deepLinkFilters(params: Record<string, string | string[] | undefined>): FilterMap {
  const filters: FilterMap = {};
  for (const [field, raw] of Object.entries(params)) {
    if (Object.keys(filters).length >= MAX_FIELDS) break;
    if (!FIELD.test(field) || IGNORED.test(field) || raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw])
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter((v) => v !== "" && v.length <= MAX_VALUE_LENGTH);
    const unique = [...new Set(values)].slice(0, MAX_VALUES);
    if (unique.length > 0) filters[field] = unique;
  }
  return filters;
}
