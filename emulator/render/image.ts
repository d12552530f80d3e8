/**
 * PNG images of views (REST `image`/`previewImage`, the embed export route): the same layout as the SVG,
 * drawn as bars, lines and blocks without text, which is what a thumbnail needs.
 */
import type { EmulatorContext } from "../core/context";
import type { SiteView, SiteWorkbook } from "../core/site";
import { COMPACT_MARGINS, type ChartLayout } from "./layout";
import { encodePng } from "./png";
import { Raster } from "./raster";
import { PALETTE } from "./svg";
import {
  buildViewModel,
  clampSize,
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  layoutViewModel,
  type RenderOptions,
} from "./view-model";

export function renderViewPng(
  ctx: Pick<EmulatorContext, "site">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions = {},
): Buffer {
  const raster = rasterizeView(ctx, workbook, view, opts);
  return encodePng(raster.width, raster.height, raster.pixels);
}

/** The view drawn as pixels, for the PNG and PDF encoders. */
export function rasterizeView(
  ctx: Pick<EmulatorContext, "site">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions = {},
): Raster {
  const width = clampSize(opts.width, DEFAULT_WIDTH);
  const height = clampSize(opts.height, DEFAULT_HEIGHT);
  const model = buildViewModel(ctx.site, workbook, view, opts);
  const raster = new Raster(width, height, PALETTE.background);
  for (const layout of layoutViewModel(model, width, height, COMPACT_MARGINS)) drawPanel(raster, layout);
  return raster;
}

function drawPanel(r: Raster, l: ChartLayout): void {
  // A title bar stands in for the title text.
  r.fillRect(l.box.x + 12, l.box.y + 14, Math.min(l.box.w - 24, l.title.length * 8), 8, PALETTE.axis);
  if (l.empty) return;
  if (l.kind === "table") {
    const rowH = l.plot.h / (l.marks.length + 2);
    r.fillRect(l.plot.x, l.plot.y, l.plot.w, rowH, PALETTE.rowAlt);
    l.marks.forEach((m, i) => {
      r.fillRect(l.plot.x, l.plot.y + rowH * (i + 2), l.plot.w, 1, PALETTE.grid);
      // Grey blocks where the label and the value are written in the SVG.
      const textH = Math.max(2, Math.round(rowH * 0.3));
      const textY = l.plot.y + rowH * (i + 1.5) - textH / 2;
      r.fillRect(l.plot.x + 10, textY, Math.min(l.plot.w * 0.4, m.label.length * 7), textH, PALETTE.axis);
      r.fillRect(
        l.plot.x + l.plot.w * 0.58 - m.valueText.length * 6,
        textY,
        m.valueText.length * 6,
        textH,
        PALETTE.axis,
      );
      r.fillRect(m.rect.x, m.rect.y, m.rect.w, m.rect.h, m.value < 0 ? PALETTE.negative : PALETTE.mark);
    });
    return;
  }
  for (const t of l.yTicks) r.fillRect(l.plot.x, t.pos, l.plot.w, 1, PALETTE.grid);
  r.fillRect(l.plot.x, l.zeroY, l.plot.w, 1, PALETTE.axis);
  if (l.kind === "bar") {
    for (const m of l.marks)
      r.fillRect(m.rect.x, m.rect.y, m.rect.w, m.rect.h, m.value < 0 ? PALETTE.negative : PALETTE.mark);
    return;
  }
  l.marks.forEach((m, i) => {
    const next = l.marks[i + 1];
    if (next) r.line(m.rect.x, m.rect.y, next.rect.x, next.rect.y, 2.5, PALETTE.mark);
  });
  for (const m of l.marks) r.dot(m.rect.x, m.rect.y, 3, PALETTE.mark);
}
