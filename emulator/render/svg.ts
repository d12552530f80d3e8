/**
 * Draws a view as an accessible SVG: a `<title>` and `<desc>` naming the view and its numbers, axes, labels and
 * values, on a neutral palette. Output is a pure function of its input (no ids from counters, no clock), so the
 * same view and filters give byte-identical SVG.
 */
import type { SiteData, SiteView, SiteWorkbook } from "../core/site";
import type { ChartLayout, Mark } from "./layout";
import {
  buildViewModel,
  clampSize,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  layoutViewModel,
  type RenderOptions,
  type ViewModel,
} from "./view-model";

export const PALETTE = {
  background: "#ffffff",
  text: "#2b2b2b",
  muted: "#6b6b6b",
  grid: "#e8e8e8",
  axis: "#b5b5b5",
  mark: "#4e79a7",
  negative: "#c8553d",
  rowAlt: "#f6f7f9",
} as const;

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export function renderChartSvg(
  site: Pick<SiteData, "orders">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions = {},
): string {
  const model = buildViewModel(site, workbook, view, opts);
  return svgOfModel(model, clampSize(opts.width, DEFAULT_WIDTH), clampSize(opts.height, DEFAULT_HEIGHT));
}

export function svgOfModel(model: ViewModel, width: number, height: number): string {
  const layouts = layoutViewModel(model, width, height);
  const desc = describe(model, layouts);
  const body = layouts.length
    ? layouts.map(panelSvg).join("")
    : emptyText(width / 2, height / 2, "This view has no worksheets to show");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="vz-title vz-desc" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="${esc(FONT)}" ` +
    `data-view="${esc(model.view.name)}">` +
    `<title id="vz-title">${esc(model.title)}</title><desc id="vz-desc">${esc(desc)}</desc>` +
    `<rect width="${width}" height="${height}" fill="${PALETTE.background}"/>${body}</svg>`
  );
}

/** The text a screen reader gets instead of the picture: every value, in order. */
function describe(model: ViewModel, layouts: ChartLayout[]): string {
  const parts = layouts.map((l) => {
    const kind = l.kind === "bar" ? "Bar chart" : l.kind === "line" ? "Line chart" : "Table";
    const values = l.empty ? "no data" : l.marks.map((m) => `${m.label} ${m.valueText}`).join(", ");
    return `${kind} of ${l.measure} by ${l.field} (${l.title}): ${values}.`;
  });
  const filters = Object.entries(model.filters).map(([f, v]) => `${f} = ${v.join(", ")}`);
  return parts.join(" ") + (filters.length ? ` Filtered by ${filters.join("; ")}.` : "");
}

function panelSvg(l: ChartLayout): string {
  const head =
    `<g class="panel" data-sheet="${esc(l.title)}">` +
    `<text x="${l.box.x + 12}" y="${l.box.y + 24}" font-size="15" font-weight="600" fill="${PALETTE.text}">${esc(l.title)}</text>`;
  if (l.empty)
    return (
      head +
      emptyText(l.box.x + l.box.w / 2, l.box.y + l.box.h / 2, "No data for the current filters") +
      "</g>"
    );
  const body = l.kind === "table" ? tableSvg(l) : axesSvg(l) + (l.kind === "bar" ? barsSvg(l) : lineSvg(l));
  return head + body + "</g>";
}

function axesSvg(l: ChartLayout): string {
  const { plot } = l;
  const grid = l.yTicks
    .map(
      (t) =>
        `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${t.pos}" y2="${t.pos}" stroke="${PALETTE.grid}"/>` +
        `<text x="${plot.x - 8}" y="${t.pos + 4}" text-anchor="end" font-size="11" fill="${PALETTE.muted}">${esc(t.label)}</text>`,
    )
    .join("");
  const xs = l.xTicks
    .map(
      (t) =>
        `<text x="${t.pos}" y="${plot.y + plot.h + 18}" text-anchor="middle" font-size="12" fill="${PALETTE.text}">${esc(t.label)}</text>`,
    )
    .join("");
  const axisTitle =
    `<text x="${plot.x + plot.w / 2}" y="${plot.y + plot.h + 38}" text-anchor="middle" font-size="11" fill="${PALETTE.muted}">${esc(l.field)}</text>` +
    `<text transform="translate(${l.box.x + 14} ${plot.y + plot.h / 2}) rotate(-90)" text-anchor="middle" font-size="11" fill="${PALETTE.muted}">${esc(l.measure)}</text>`;
  const zero = `<line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${l.zeroY}" y2="${l.zeroY}" stroke="${PALETTE.axis}"/>`;
  return `<g class="axes">${grid}${zero}${xs}${axisTitle}</g>`;
}

function markAttrs(m: Mark): string {
  return `data-key="${esc(m.key)}" data-value="${m.value}"`;
}

function barsSvg(l: ChartLayout): string {
  return l.marks
    .map((m) => {
      const neg = m.value < 0;
      const ly = neg ? m.rect.y + m.rect.h + 14 : m.rect.y - 6;
      return (
        `<g class="mark" ${markAttrs(m)}><rect x="${m.rect.x}" y="${m.rect.y}" width="${m.rect.w}" height="${m.rect.h}" ` +
        `fill="${neg ? PALETTE.negative : PALETTE.mark}" rx="2"><title>${esc(`${m.label}: ${m.valueText}`)}</title></rect>` +
        `<text x="${m.rect.x + m.rect.w / 2}" y="${ly}" text-anchor="middle" font-size="12" font-weight="600" fill="${PALETTE.text}">${esc(m.valueText)}</text></g>`
      );
    })
    .join("");
}

function lineSvg(l: ChartLayout): string {
  const pts = l.marks.map((m) => `${m.rect.x},${m.rect.y}`).join(" ");
  const dots = l.marks
    .map(
      (m) =>
        `<circle class="mark" ${markAttrs(m)} cx="${m.rect.x}" cy="${m.rect.y}" r="3.5" fill="${PALETTE.background}" stroke="${PALETTE.mark}" stroke-width="2">` +
        `<title>${esc(`${m.label}: ${m.valueText}`)}</title></circle>`,
    )
    .join("");
  // Label the last point and the extremes: every point labelled would be unreadable at 24 months.
  const labelled = new Set([l.marks.length - 1, indexOfExtreme(l.marks, 1), indexOfExtreme(l.marks, -1)]);
  const labels = l.marks
    .filter((_, i) => labelled.has(i))
    .map(
      (m) =>
        `<text x="${m.rect.x}" y="${m.rect.y - 9}" text-anchor="middle" font-size="11" font-weight="600" fill="${PALETTE.text}">${esc(m.valueText)}</text>`,
    )
    .join("");
  return `<polyline points="${pts}" fill="none" stroke="${PALETTE.mark}" stroke-width="2.5" stroke-linejoin="round"/>${dots}${labels}`;
}

function indexOfExtreme(marks: Mark[], sign: 1 | -1): number {
  let best = 0;
  marks.forEach((m, i) => {
    if (sign * m.value > sign * (marks[best]?.value ?? 0)) best = i;
  });
  return best;
}

function tableSvg(l: ChartLayout): string {
  const { plot } = l;
  const rowH = plot.h / (l.marks.length + 2);
  const right = plot.x + plot.w * 0.58;
  const cell = (y: number, a: string, b: string, weight: string) =>
    `<text x="${plot.x + 10}" y="${y + rowH / 2 + 4}" font-size="13" font-weight="${weight}" fill="${PALETTE.text}">${esc(a)}</text>` +
    `<text x="${right}" y="${y + rowH / 2 + 4}" text-anchor="end" font-size="13" font-weight="${weight}" fill="${PALETTE.text}">${esc(b)}</text>`;
  const header =
    `<rect x="${plot.x}" y="${plot.y}" width="${plot.w}" height="${rowH}" fill="${PALETTE.rowAlt}"/>` +
    cell(plot.y, l.field, l.measure, "600");
  const rows = l.marks
    .map((m, i) => {
      const y = plot.y + rowH * (i + 1);
      return (
        `<g class="mark" ${markAttrs(m)}><line x1="${plot.x}" x2="${plot.x + plot.w}" y1="${y + rowH}" y2="${y + rowH}" stroke="${PALETTE.grid}"/>` +
        cell(y, m.label, m.valueText, "400") +
        `<rect x="${m.rect.x}" y="${m.rect.y}" width="${m.rect.w}" height="${m.rect.h}" fill="${m.value < 0 ? PALETTE.negative : PALETTE.mark}" rx="2"/></g>`
      );
    })
    .join("");
  const totalY = plot.y + rowH * (l.marks.length + 1);
  return header + rows + cell(totalY, "Grand Total", l.totalText, "600");
}

function emptyText(x: number, y: number, text: string): string {
  return `<text x="${x}" y="${y}" text-anchor="middle" font-size="14" fill="${PALETTE.muted}">${esc(text)}</text>`;
}

/** Escapes text for SVG/HTML content and attribute values. */
export function esc(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
