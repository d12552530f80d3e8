/**
 * Chart geometry, computed once and drawn twice: as SVG for the view page and as pixels for PNG images, so the
 * picture a REST client downloads is the chart the embedded viz shows.
 */
import { formatCompact, formatCurrency, formatMonth, type Aggregate } from "./aggregate";

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Mark {
  /** The dimension member (`East`, `2024-03`) and its display text. */
  key: string;
  label: string;
  value: number;
  valueText: string;
  /** Bar rectangle (bars), point (line: x,y with w=h=0), or in-cell bar (table). */
  rect: Rect;
}

export interface Tick {
  pos: number;
  label: string;
}

export interface ChartLayout {
  kind: "bar" | "line" | "table";
  title: string;
  box: Rect;
  plot: Rect;
  field: string;
  measure: string;
  marks: Mark[];
  /** Value-axis ticks (y positions) and category labels (x positions); tables use neither. */
  yTicks: Tick[];
  xTicks: Tick[];
  zeroY: number;
  totalText: string;
  empty: boolean;
}

const TITLE_H = 34;

/** Room around the plot: text labels need it; a raster image without text (`compact`) does not. */
export interface Margins {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
const TEXT_MARGINS: Margins = { left: 64, right: 16, top: TITLE_H + 14, bottom: 44 };
export const COMPACT_MARGINS: Margins = { left: 14, right: 14, top: 34, bottom: 14 };

/** Lays out one worksheet inside `box`. */
export function layoutChart(
  kind: ChartLayout["kind"],
  title: string,
  agg: Aggregate,
  box: Rect,
  m: Margins = TEXT_MARGINS,
): ChartLayout {
  const measure = agg.measure === "sales" ? "Sales" : "Profit";
  const base = {
    kind,
    title,
    box,
    field: agg.field,
    measure,
    totalText: formatCurrency(agg.total),
    empty: agg.rows.length === 0,
  };
  if (kind === "table") return { ...base, ...layoutTable(agg, box) };
  const plot = {
    x: box.x + m.left,
    y: box.y + m.top,
    w: Math.max(40, box.w - m.left - m.right),
    h: Math.max(40, box.h - m.top - m.bottom),
  };
  const values = agg.rows.map((r) => r.value);
  const { min, max, step } = niceScale(Math.min(0, ...values), Math.max(0, ...values));
  const yOf = (v: number) => round(plot.y + plot.h - ((v - min) / (max - min)) * plot.h);
  const yTicks: Tick[] = [];
  for (let v = min; v <= max + step / 2; v += step) yTicks.push({ pos: yOf(v), label: formatCompact(v) });
  const n = Math.max(1, agg.rows.length);
  const band = plot.w / n;
  const zeroY = yOf(0);
  const marks: Mark[] = agg.rows.map((r, i) => {
    const cx = plot.x + band * (i + 0.5);
    const label = agg.field === "Month" ? formatMonth(r.key) : r.key;
    const valueText = formatCurrency(r.value);
    if (kind === "line")
      return {
        key: r.key,
        label,
        value: r.value,
        valueText,
        rect: { x: round(cx), y: yOf(r.value), w: 0, h: 0 },
      };
    const bw = Math.min(band * 0.62, 120);
    const top = Math.min(yOf(r.value), zeroY);
    return {
      key: r.key,
      label,
      value: r.value,
      valueText,
      rect: { x: round(cx - bw / 2), y: top, w: round(bw), h: round(Math.abs(yOf(r.value) - zeroY)) },
    };
  });
  // Long month axes get a label every few points so they never overlap.
  const every = Math.max(1, Math.ceil((n * 58) / plot.w));
  const xTicks = marks
    .map((m, i) => ({ pos: round(plot.x + band * (i + 0.5)), label: m.label, i }))
    .filter((t) => t.i % every === 0)
    .map(({ pos, label }) => ({ pos, label }));
  return { ...base, plot, marks, yTicks, xTicks, zeroY };
}

function layoutTable(
  agg: Aggregate,
  box: Rect,
): Pick<ChartLayout, "plot" | "marks" | "yTicks" | "xTicks" | "zeroY"> {
  const plot = { x: box.x + 12, y: box.y + TITLE_H + 8, w: box.w - 24, h: box.h - TITLE_H - 16 };
  // Tables keep their text columns in both forms: the raster draws grey blocks where the text goes.
  const rowH = Math.min(36, plot.h / (agg.rows.length + 2));
  const maxAbs = Math.max(1, ...agg.rows.map((r) => Math.abs(r.value)));
  const barX = plot.x + plot.w * 0.62;
  const barMax = plot.w * 0.36;
  const marks = agg.rows.map((r, i) => ({
    key: r.key,
    label: agg.field === "Month" ? formatMonth(r.key) : r.key,
    value: r.value,
    valueText: formatCurrency(r.value),
    rect: {
      x: round(barX),
      y: round(plot.y + rowH * (i + 1) + rowH * 0.25),
      w: round((Math.abs(r.value) / maxAbs) * barMax),
      h: round(rowH * 0.5),
    },
  }));
  return {
    plot: { ...plot, h: round(rowH * (agg.rows.length + 2)) },
    marks,
    yTicks: [],
    xTicks: [],
    zeroY: 0,
  };
}

/** Axis bounds on round numbers (1, 2, 2.5, 5 × 10^k) with about five steps. */
export function niceScale(lo: number, hi: number): { min: number; max: number; step: number } {
  if (hi - lo <= 0) return { min: 0, max: 1, step: 1 };
  const raw = (hi - lo) / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  return { min: Math.floor(lo / step) * step, max: Math.ceil(hi / step) * step, step };
}

export function round(n: number): number {
  return Math.round(n * 10) / 10;
}
