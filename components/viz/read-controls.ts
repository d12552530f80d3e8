/**
 * The controls a viz offers, read from the viz itself through the documented Embedding API: the categorical
 * filters of the active worksheet (or of each worksheet of the active dashboard) with their domains, and the
 * workbook's parameters with their allowable values. Nothing here knows any field of any data set.
 */
import type { TableauVizElement, VizDataValue, VizFilter, VizParameter } from "@/types/tableau-viz";
import { keptValues, targetWorksheets, type VizFilters } from "./viz-actions";

export interface FilterControl {
  field: string;
  /** The values the viewer may pick, as the viz formats them. */
  values: string[];
  /** The values kept now; null when the filter keeps them all. */
  selected: string[] | null;
}

export interface ParameterControl {
  name: string;
  dataType: string;
  kind: "list" | "range" | "all";
  /** For a list: each choice; `value` is what changeParameterValueAsync takes (the alias, as Tableau asks). */
  options: { value: string; label: string }[];
  min?: number;
  max?: number;
  step?: number;
  /** The current value as the viz formats it (a list parameter's alias). */
  value: string;
}

const text = (v: VizDataValue | undefined): string =>
  v === undefined ? "" : (v.formattedValue ?? String(v.value));

async function domainOf(filter: VizFilter): Promise<string[]> {
  if (!filter.getDomainAsync) return (filter.appliedValues ?? []).map(text);
  const domain = await filter.getDomainAsync("relevant");
  return domain.values.map(text);
}

/** The categorical include filters of what is shown, one per field (a dashboard's worksheets merged). */
export async function readFilterControls(viz: TableauVizElement): Promise<FilterControl[]> {
  const lists = await Promise.allSettled(targetWorksheets(viz).map((ws) => ws.getFiltersAsync()));
  const byField = new Map<string, FilterControl>();
  for (const list of lists) {
    if (list.status !== "fulfilled") continue;
    for (const filter of list.value) {
      const kept = keptValues(filter);
      if (kept === undefined) continue;
      const values = await domainOf(filter).catch(() => [] as string[]);
      const key = filter.fieldName.toLowerCase();
      const seen = byField.get(key);
      if (!seen) {
        byField.set(key, { field: filter.fieldName, values, selected: kept });
        continue;
      }
      seen.values = [...new Set([...seen.values, ...values])];
      if (kept && !seen.selected) seen.selected = kept;
    }
  }
  return [...byField.values()].filter((f) => f.values.length > 0);
}

function toNumber(v: VizDataValue | undefined): number | undefined {
  const n = Number(v?.value);
  return v === undefined || !Number.isFinite(n) ? undefined : n;
}

export function toParameterControl(p: VizParameter): ParameterControl {
  const domain = p.allowableValues;
  const options = (domain.allowableValues ?? []).map((v) => ({ value: text(v), label: text(v) }));
  return {
    name: p.name,
    dataType: p.dataType,
    kind: domain.type,
    options: domain.type === "list" ? options : [],
    min: toNumber(domain.minValue),
    max: toNumber(domain.maxValue),
    step: domain.stepSize,
    value: text(p.currentValue),
  };
}

export async function readParameterControls(viz: TableauVizElement): Promise<ParameterControl[]> {
  const workbook = viz.workbook;
  if (!workbook || typeof workbook.getParametersAsync !== "function") return [];
  return (await workbook.getParametersAsync()).map(toParameterControl);
}

/**
 * The parameter values a deep link asks for that the viz does not show yet (`?Top%20N=3`): names match
 * case-insensitively, as Tableau's URL parameters do. A deep link's entry that names no parameter is a filter.
 */
export function pendingParameterValues(
  params: readonly ParameterControl[],
  requested: VizFilters,
): Array<{ name: string; value: string }> {
  const out: Array<{ name: string; value: string }> = [];
  for (const [key, values] of Object.entries(requested)) {
    const param = params.find((p) => p.name.toLowerCase() === key.toLowerCase());
    const value = values[0];
    if (!param || value === undefined || values.length !== 1) continue;
    if (value.toLowerCase() !== param.value.toLowerCase()) out.push({ name: param.name, value });
  }
  return out;
}
