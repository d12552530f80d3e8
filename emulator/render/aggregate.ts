/**
 * Turns the sample orders into what a worksheet shows: one value of the measure per member of the dimension,
 * after the view's filters and the user's row-level security.
 */
import type { Order } from "../core/site";
import { dimensionOf, fieldOf, FIELDS, type Dimension, type FieldName, type FilterSet } from "./fields";

export type Measure = "sales" | "profit";

export interface ChartSpec {
  type: "bar" | "line" | "table";
  dimension: Dimension;
  measure: Measure;
}

export interface AggregateRow {
  key: string;
  value: number;
  orders: number;
}

export interface Aggregate {
  field: FieldName;
  measure: Measure;
  rows: AggregateRow[];
  total: number;
  orderCount: number;
}

/** Keeps the orders that pass every filter and every security restriction. */
export function filterOrders(orders: readonly Order[], ...sets: readonly FilterSet[]): Order[] {
  return orders.filter((o) =>
    sets.every((set) =>
      FIELDS.every((field) => {
        const allowed = set[field];
        return allowed === undefined || allowed.includes(o[dimensionOf(field)]);
      }),
    ),
  );
}

/** Sums the measure by dimension member; members without rows are left out, as Tableau leaves them out. */
export function aggregate(
  orders: readonly Order[],
  chart: ChartSpec,
  filters: FilterSet,
  security: FilterSet,
): Aggregate {
  const kept = filterOrders(orders, filters, security);
  const sums = new Map<string, AggregateRow>();
  for (const o of kept) {
    const key = o[chart.dimension];
    const row = sums.get(key) ?? { key, value: 0, orders: 0 };
    row.value += o[chart.measure];
    row.orders += 1;
    sums.set(key, row);
  }
  const rows = [...sums.values()]
    .map((r) => ({ ...r, value: Math.round(r.value * 100) / 100 }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const total = Math.round(rows.reduce((s, r) => s + r.value, 0) * 100) / 100;
  return { field: fieldOf(chart.dimension), measure: chart.measure, rows, total, orderCount: kept.length };
}

/** `$12,345` / `-$1,204`: whole dollars, as a Tableau mark label shows currency by default. */
export function formatCurrency(value: number): string {
  const rounded = Math.round(value);
  const abs = Math.abs(rounded).toLocaleString("en-US");
  return `${rounded < 0 ? "-" : ""}$${abs}`;
}

/** Axis ticks: `$0`, `$20K`, `$1.5M`. */
export function formatCompact(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  if (abs >= 1_000_000) return `${sign}$${trim(abs / 1_000_000)}M`;
  if (abs >= 1_000) return `${sign}$${trim(abs / 1_000)}K`;
  return `${sign}$${trim(abs)}`;
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** `2024-03` → `Mar 2024`. */
export function formatMonth(key: string): string {
  const [y, m] = key.split("-");
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const name = names[Number(m) - 1];
  return name && y ? `${name} ${y}` : key;
}
