/**
 * `fields=`: `_default_`, `_all_`, or a list of field paths (`id,name,project.name`), possibly mixed with
 * `_default_` (`_default_,owner.email`). Paths select from the full wire object a serializer builds.
 */
import { restErrors } from "./errors";

export interface FieldSets {
  defaults: readonly string[];
  all: readonly string[];
}

type Wire = Record<string, unknown>;

/** Returns the picker that keeps the requested fields of a full wire object. */
export function parseFields(expr: string | null, sets: FieldSets): (full: Wire) => Wire {
  if (expr === null || expr === "" || expr === "_default_") return (full) => pick(full, sets.defaults);
  const paths = new Set<string>();
  for (const token of expr.split(",")) {
    if (token === "_default_") sets.defaults.forEach((p) => paths.add(p));
    else if (token === "_all_") sets.all.forEach((p) => paths.add(p));
    else if (sets.all.includes(token) || sets.all.some((p) => p.startsWith(`${token}.`))) paths.add(token);
    else
      throw restErrors.badFields(
        `'${token}' is not a field here (use _default_, _all_ or ${sets.all.join(", ")})`,
      );
  }
  const list = [...paths];
  return (full) => pick(full, list);
}

function pick(full: Wire, paths: readonly string[]): Wire {
  const out: Wire = {};
  for (const path of paths) {
    const dot = path.indexOf(".");
    if (dot < 0) {
      if (full[path] !== undefined) out[path] = full[path];
      continue;
    }
    const head = path.slice(0, dot);
    const nested = full[head];
    if (nested === null || typeof nested !== "object") continue;
    const value = (nested as Wire)[path.slice(dot + 1)];
    if (value === undefined) continue;
    const target = (out[head] ??= {}) as Wire;
    target[path.slice(dot + 1)] = value;
  }
  return out;
}
