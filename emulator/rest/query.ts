/**
 * Tableau's `filter=` and `sort=` expressions, over per-resource field definitions (rest/field-defs.ts).
 * filter: `field:op:value[,more]` (comma = AND), `in:[a,b]`; sort: `field:asc|desc[,more]`.
 * Anything unknown or malformed is a 400 that names the part that is wrong.
 */
import { restErrors } from "./errors";

export type Operator = "eq" | "in" | "has" | "gt" | "gte" | "lt" | "lte";
export type FieldKind = "text" | "tags" | "bool" | "number" | "date";
export type FieldValue = string | number | boolean | readonly string[];

export interface FieldDef<T> {
  kind: FieldKind;
  ops: readonly Operator[];
  get(item: T): FieldValue;
  /** The value changes while the emulator runs (usage counts): lists filtered or sorted on it are not cached. */
  volatile?: boolean;
}
export type FieldDefs<T> = Readonly<Record<string, FieldDef<T>>>;

export const TEXT_OPS: readonly Operator[] = ["eq", "in", "has"];
export const EQ_OPS: readonly Operator[] = ["eq"];
export const RANGE_OPS: readonly Operator[] = ["eq", "gt", "gte", "lt", "lte"];

type Predicate<T> = (item: T) => boolean;

export function parseFilter<T>(expr: string | null, defs: FieldDefs<T>): Predicate<T> | null {
  if (expr === null || expr === "") return null;
  const tests = splitTopLevel(expr).map((part) => parseCondition(part, defs));
  return (item) => tests.every((t) => t(item));
}

/** Splits on commas outside `[...]`, so `name:in:[a,b],tags:eq:x` is two conditions. */
function splitTopLevel(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of expr) {
    if (ch === "[") depth++;
    if (ch === "]") depth--;
    if (depth < 0) throw restErrors.badFilter(`unbalanced ']' in '${expr}'`);
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  if (depth !== 0) throw restErrors.badFilter(`unbalanced '[' in '${expr}'`);
  parts.push(current);
  return parts;
}

function parseCondition<T>(part: string, defs: FieldDefs<T>): Predicate<T> {
  const first = part.indexOf(":");
  const second = first < 0 ? -1 : part.indexOf(":", first + 1);
  if (second < 0) throw restErrors.badFilter(`'${part}' is not field:operator:value`);
  const field = part.slice(0, first);
  const op = part.slice(first + 1, second) as Operator;
  const raw = part.slice(second + 1);
  const def = Object.hasOwn(defs, field) ? defs[field] : undefined;
  if (!def)
    throw restErrors.badFilter(`'${field}' is not a filterable field (use ${Object.keys(defs).join(", ")})`);
  if (!def.ops.includes(op))
    throw restErrors.badFilter(`'${field}' accepts ${def.ops.join(", ")}, not '${op}'`);
  if (op === "in") {
    if (!raw.startsWith("[") || !raw.endsWith("]") || raw.length < 3)
      throw restErrors.badFilter(`'${part}': in takes a list like [a,b]`);
    const wanted = new Set(raw.slice(1, -1).split(","));
    return (item) => {
      const v = def.get(item);
      return Array.isArray(v) ? v.some((x) => wanted.has(x)) : wanted.has(String(v));
    };
  }
  if (raw === "") throw restErrors.badFilter(`'${part}' has no value`);
  const target = coerce(def.kind, raw, part);
  return (item) => matches(def.get(item), op, target);
}

function coerce(kind: FieldKind, raw: string, part: string): string | number | boolean {
  if (kind === "bool") {
    if (raw !== "true" && raw !== "false") throw restErrors.badFilter(`'${part}': expected true or false`);
    return raw === "true";
  }
  if (kind === "number") {
    const n = Number(raw);
    if (!Number.isFinite(n)) throw restErrors.badFilter(`'${part}': expected a number`);
    return n;
  }
  if (kind === "date") {
    const t = Date.parse(raw);
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(t))
      throw restErrors.badFilter(`'${part}': expected an ISO 8601 date, e.g. 2025-01-31T00:00:00Z`);
    return t;
  }
  return raw;
}

function matches(value: FieldValue, op: Operator, target: string | number | boolean): boolean {
  if (Array.isArray(value)) {
    const t = String(target).toLowerCase();
    return op === "has" ? value.some((v) => v.toLowerCase().includes(t)) : value.includes(String(target));
  }
  const v = typeof target === "number" && typeof value === "string" ? Date.parse(value) : value;
  switch (op) {
    case "eq":
      return v === target;
    case "has":
      return String(v).toLowerCase().includes(String(target).toLowerCase());
    case "gt":
      return v > target;
    case "gte":
      return v >= target;
    case "lt":
      return v < target;
    case "lte":
      return v <= target;
    default:
      return false;
  }
}

export interface SortSpec<T> {
  /** Normalised expression, used as a cache key. */
  key: string;
  compare: (a: T, b: T) => number;
}

export function parseSort<T extends { id: string }>(
  expr: string | null,
  defs: FieldDefs<T>,
): SortSpec<T> | null {
  if (expr === null || expr === "") return null;
  const keys = expr.split(",").map((part) => {
    const [field = "", direction = "", extra] = part.split(":");
    const def = Object.hasOwn(defs, field) ? defs[field] : undefined;
    if (!def)
      throw restErrors.badSort(`'${field}' is not a sortable field (use ${Object.keys(defs).join(", ")})`);
    if ((direction !== "asc" && direction !== "desc") || extra !== undefined)
      throw restErrors.badSort(`'${part}' must be field:asc or field:desc`);
    return { field, def, sign: direction === "asc" ? 1 : -1 };
  });
  return {
    key: keys.map((k) => `${k.field}:${k.sign}`).join(","),
    compare: (a, b) => {
      for (const k of keys) {
        const c = compareValues(k.def.get(a), k.def.get(b));
        if (c !== 0) return c * k.sign;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0; // a total order, so pages never overlap
    },
  };
}

function compareValues(a: FieldValue, b: FieldValue): number {
  const x = Array.isArray(a) ? a.join(",") : a;
  const y = Array.isArray(b) ? b.join(",") : b;
  if (typeof x === "string" && typeof y === "string") {
    const lx = x.toLowerCase();
    const ly = y.toLowerCase();
    return lx < ly ? -1 : lx > ly ? 1 : 0;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}
