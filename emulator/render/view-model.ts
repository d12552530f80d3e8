/**
 * What a view shows for a given viewer: its worksheets (one, or a dashboard's several) with their aggregates,
 * after the URL/API filters and the row-level security of the viewer's JWT attributes.
 */
import type { ParameterValue } from "../core/parameters";
import type { SiteData, SiteView, SiteWorkbook } from "../core/site";
import { aggregate, type Aggregate, type ChartSpec } from "./aggregate";
import { normaliseFilters, securityFilters, type FilterSet } from "./fields";
import { layoutChart, type ChartLayout, type Margins } from "./layout";

export interface RenderOptions {
  /** Caller filters, field names and values case-insensitive: `{ region: ["east", "West"] }`. */
  filters?: Record<string, readonly string[] | string>;
  /** The JWT's user attribute claims (`Region`: string or array) that limit the rows. */
  attributes?: Record<string, string | string[]>;
  width?: number;
  height?: number;
  /** The workbook's parameter values (resolved: see core/parameters); absent ones keep their defaults. */
  parameters?: Record<string, ParameterValue>;
}

export interface Panel {
  view: SiteView;
  chart: ChartSpec;
  aggregate: Aggregate;
}

export interface ViewModel {
  title: string;
  workbook: SiteWorkbook;
  view: SiteView;
  filters: FilterSet;
  panels: Panel[];
}

export const DEFAULT_WIDTH = 960;
export const DEFAULT_HEIGHT = 540;

/** The worksheets a view draws: itself, or for a dashboard the named worksheets of the same workbook. */
export function worksheetsOf(workbook: SiteWorkbook, view: SiteView): SiteView[] {
  if (view.sheetType === "worksheet") return view.chart ? [view] : [];
  return view.worksheets
    .map((name) => workbook.views.find((v) => v.name === name && v.sheetType === "worksheet"))
    .filter((v): v is SiteView => v !== undefined && v.chart !== undefined);
}

export function buildViewModel(
  site: Pick<SiteData, "orders">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions,
): ViewModel {
  const filters = normaliseFilters(site.orders, opts.filters);
  const security = securityFilters(site.orders, opts.attributes);
  const panels = worksheetsOf(workbook, view).map((ws) => {
    const chart = withMeasure(ws.chart!, workbook, opts.parameters);
    const agg = aggregate(site.orders, chart, filters, security);
    return { view: ws, chart, aggregate: topN(agg, chart, workbook, opts.parameters) };
  });
  return { title: view.name, workbook, view, filters, panels };
}

function effectValue(
  workbook: SiteWorkbook,
  values: Record<string, ParameterValue> | undefined,
  effect: "top-n" | "measure",
): ParameterValue | undefined {
  const def = workbook.parameters.find((p) => p.effect === effect);
  return def ? (values?.[def.name] ?? def.value) : undefined;
}

/** A `measure` parameter picks what every worksheet of its workbook sums. */
function withMeasure(
  chart: ChartSpec,
  workbook: SiteWorkbook,
  values: Record<string, ParameterValue> | undefined,
): ChartSpec {
  const measure = effectValue(workbook, values, "measure");
  return measure === "sales" || measure === "profit" ? { ...chart, measure } : chart;
}

/** A `top-n` parameter keeps the N largest marks of bar and table worksheets (a line keeps its months). */
function topN(
  agg: Aggregate,
  chart: ChartSpec,
  workbook: SiteWorkbook,
  values: Record<string, ParameterValue> | undefined,
): Aggregate {
  const n = effectValue(workbook, values, "top-n");
  if (typeof n !== "number" || chart.type === "line" || agg.rows.length <= n) return agg;
  const kept = new Set([...agg.rows].sort((a, b) => b.value - a.value).slice(0, Math.max(0, n)));
  return { ...agg, rows: agg.rows.filter((r) => kept.has(r)) };
}

/**
 * Splits the canvas among a dashboard's worksheets, 16 px apart: side by side on a landscape canvas, stacked
 * on a portrait one (a phone-sized iframe), so each chart keeps a readable shape.
 */
export function layoutViewModel(
  model: ViewModel,
  width: number,
  height: number,
  margins?: Margins,
): ChartLayout[] {
  const n = Math.max(1, model.panels.length);
  const gap = 16;
  const stacked = n > 1 && width < height;
  const w = stacked ? width : (width - gap * (n - 1)) / n;
  const h = stacked ? (height - gap * (n - 1)) / n : height;
  return model.panels.map((p, i) => {
    const box = stacked
      ? { x: 0, y: Math.round(i * (h + gap)), w: width, h: Math.floor(h) }
      : { x: Math.round(i * (w + gap)), y: 0, w: Math.floor(w), h: height };
    return layoutChart(p.chart.type, p.view.name, p.aggregate, box, margins);
  });
}

/** Clamps a requested size to something drawable and bounded (a PNG of 10⁸ pixels is a denial of service). */
export function clampSize(value: number | undefined, fallback: number, min = 160, max = 4000): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}
