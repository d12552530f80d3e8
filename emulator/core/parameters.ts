/**
 * Workbook parameters: their definitions in the site file and how a requested value becomes the value Tableau
 * keeps (Parameter.changeValueAsync in the Embedding API reference): out of range clamps to the bound, off the
 * step snaps down to the step below, a list parameter with aliases takes the alias (its value too).
 */
import { z } from "zod";

const listValueSchema = z.object({ value: z.union([z.string(), z.number()]), alias: z.string().optional() });

export const parameterSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  /** DataType enum strings of the Embedding API that the emulator's parameters use. */
  dataType: z.enum(["int", "float", "string"]),
  value: z.union([z.string(), z.number()]),
  allowable: z.discriminatedUnion("type", [
    z.object({ type: z.literal("all") }),
    z.object({ type: z.literal("list"), values: z.array(listValueSchema).min(1) }),
    z.object({ type: z.literal("range"), min: z.number(), max: z.number(), step: z.number().positive() }),
  ]),
  /** What the parameter does to the emulator's charts: `top-n` keeps the N largest marks, `measure` picks it. */
  effect: z.enum(["none", "top-n", "measure"]).default("none"),
});
export type SiteParameter = z.infer<typeof parameterSchema>;
export type ParameterValue = string | number;

function numeric(def: SiteParameter, raw: string | number): number | null {
  const n = typeof raw === "number" ? raw : Number(String(raw).trim());
  if (String(raw).trim() === "" || !Number.isFinite(n)) return null;
  return def.dataType === "int" ? Math.trunc(n) : n;
}

/** The value a request for `raw` gives, or null when `raw` cannot be a value of this parameter. */
export function resolveParameterValue(def: SiteParameter, raw: string | number): ParameterValue | null {
  const { allowable } = def;
  if (allowable.type === "list") {
    const text = String(raw).trim().toLowerCase();
    const hit =
      allowable.values.find((v) => (v.alias ?? String(v.value)).toLowerCase() === text) ??
      allowable.values.find((v) => String(v.value).toLowerCase() === text);
    return hit ? hit.value : null;
  }
  if (def.dataType === "string") return String(raw);
  const n = numeric(def, raw);
  if (n === null) return null;
  if (allowable.type === "all") return n;
  const clamped = Math.min(allowable.max, Math.max(allowable.min, n));
  const steps = Math.floor((clamped - allowable.min) / allowable.step + 1e-9);
  const snapped = allowable.min + steps * allowable.step;
  return Math.round(snapped * 1e6) / 1e6;
}

/** Current values of a workbook's parameters: defaults, overridden by `Name=value` in a view URL's query. */
export function parameterValues(
  defs: readonly SiteParameter[],
  query: URLSearchParams,
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const def of defs) {
    const raw = [...query].find(([k]) => k.trim().toLowerCase() === def.name.toLowerCase())?.[1];
    const resolved = raw === undefined ? null : resolveParameterValue(def, raw);
    out[def.name] = resolved ?? def.value;
  }
  return out;
}

/** The label a value shows with: its alias for a list parameter, else the value as text. */
export function formatParameterValue(def: SiteParameter, value: ParameterValue): string {
  if (def.allowable.type === "list") {
    const hit = def.allowable.values.find((v) => v.value === value);
    if (hit?.alias) return hit.alias;
  }
  return String(value);
}
