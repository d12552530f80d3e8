/**
 * The contrast of a focused element's focus ring against what surrounds it (WCAG 1.4.11 asks 3:1), from the
 * browser's computed styles: the outline's colour, and the background it is drawn over (the ring sits outside
 * the element, so that is the nearest ancestor's background, semi-transparent layers composited).
 */
import type { Locator } from "@playwright/test";

type Rgba = [number, number, number, number];

export interface FocusRing {
  style: string;
  widthPx: number;
  offsetPx: number;
  color: string;
  background: string;
  contrast: number;
}

function parseColor(css: string): Rgba {
  const m = /rgba?\(([^)]+)\)/.exec(css);
  if (!m?.[1]) throw new Error(`not an rgb() colour: ${css}`);
  const [r = 0, g = 0, b = 0, a = 1] = m[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b, a];
}

/** WCAG 2.x relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(parseColor(a)), luminance(parseColor(b))];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export async function focusRing(target: Locator): Promise<FocusRing> {
  const measured = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    // Background layers from the parent outwards, until an opaque one (or the canvas, white).
    const layers: string[] = [];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      layers.push(bg);
      const alpha = bg.startsWith("rgba") ? Number(bg.slice(bg.lastIndexOf(",") + 1, -1)) : 1;
      if (alpha >= 1) break;
    }
    return {
      style: style.outlineStyle,
      width: style.outlineWidth,
      offset: style.outlineOffset,
      color: style.outlineColor,
      layers,
    };
  });
  const background = composite(measured.layers.map(parseColor));
  return {
    style: measured.style,
    widthPx: parseFloat(measured.width),
    offsetPx: parseFloat(measured.offset),
    color: measured.color,
    background,
    contrast: contrastRatio(measured.color, background),
  };
}

/** Layers listed top first, composited over white. */
function composite(layers: Rgba[]): string {
  let [r, g, b] = [255, 255, 255];
  for (const [lr, lg, lb, a] of [...layers].reverse()) {
    r = lr * a + r * (1 - a);
    g = lg * a + g * (1 - a);
    b = lb * a + b * (1 - a);
  }
  return `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`;
}
