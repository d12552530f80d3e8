/**
 * The fields a view can be filtered on, their canonical names and value domains. Filter field names and
 * values are matched case-insensitively (Tableau's URL filters are forgiving about case); everything past this
 * module works with canonical names (`Region`, `East`).
 */
import type { Order } from "../core/site";

export const FIELDS = ["Region", "Category", "Month"] as const;
export type FieldName = (typeof FIELDS)[number];
export type Dimension = "region" | "category" | "month";

/** Canonical filters: field → allowed values. A field absent from the record is not filtered. */
export type FilterSet = Partial<Record<FieldName, string[]>>;

export function dimensionOf(field: FieldName): Dimension {
  return field.toLowerCase() as Dimension;
}

export function fieldOf(dimension: Dimension): FieldName {
  return FIELDS.find((f) => f.toLowerCase() === dimension)!;
}

/** `region`, `REGION` → `Region`; anything else → null. */
export function canonicalField(name: string): FieldName | null {
  const lower = name.trim().toLowerCase();
  return FIELDS.find((f) => f.toLowerCase() === lower) ?? null;
}

/** The sorted distinct values of a field in the data (alphabetical, which is chronological for months). */
export function fieldDomain(orders: readonly Order[], field: FieldName): string[] {
  const dim = dimensionOf(field);
  return [...new Set(orders.map((o) => o[dim]))].sort();
}

/**
 * Canonicalises a value against the field's domain (`east` → `East`). Unknown values are kept as given: they
 * simply match no row, as a Tableau URL filter on a value that does not exist shows an empty view.
 */
export function canonicalValue(domain: readonly string[], value: string): string {
  const lower = value.trim().toLowerCase();
  return domain.find((v) => v.toLowerCase() === lower) ?? value.trim();
}

/**
 * Normalises caller filters (`{ region: ["east"] }`) to canonical ones. Unknown fields are dropped, like
 * Tableau ignores URL parameters that name no field; empty value lists are dropped (no filter).
 */
export function normaliseFilters(
  orders: readonly Order[],
  raw: Record<string, readonly string[] | string> | undefined,
): FilterSet {
  const out: FilterSet = {};
  for (const [name, values] of Object.entries(raw ?? {})) {
    const field = canonicalField(name);
    if (!field) continue;
    const domain = fieldDomain(orders, field);
    const list = (Array.isArray(values) ? values : [values]).filter((v) => v.trim() !== "");
    if (list.length === 0) continue;
    const merged = new Set([...(out[field] ?? []), ...list.map((v) => canonicalValue(domain, v))]);
    out[field] = [...merged];
  }
  return out;
}

/**
 * Row-level security from the JWT's user attribute claims: a claim named like a field (`Region`, string or
 * array) limits that field to the claim's values. An empty array allows nothing (fail closed). No claim: all
 * rows.
 */
export function securityFilters(
  orders: readonly Order[],
  attributes: Record<string, string | string[]> | undefined,
): FilterSet {
  const out: FilterSet = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const field = canonicalField(name);
    if (!field) continue;
    const domain = fieldDomain(orders, field);
    const values = (Array.isArray(value) ? value : [value]).map((v) => canonicalValue(domain, String(v)));
    // Two claims for one field (e.g. `Region` and `region`): keep only what both allow.
    const prev = out[field];
    out[field] = prev ? values.filter((v) => prev.includes(v)) : values;
  }
  return out;
}
