/** A tiny RGB raster with the few primitives a chart image needs: filled rectangles, thick lines, dots. */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: string,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    const [r, g, b] = parseHex(color);
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0 || y1 <= y0) return;
    // Paint one row, then copy it down: images are mostly large flat rectangles.
    const first = (y0 * this.width + x0) * 3;
    const rowBytes = (x1 - x0) * 3;
    for (let i = first; i < first + rowBytes; i += 3) {
      this.pixels[i] = r;
      this.pixels[i + 1] = g;
      this.pixels[i + 2] = b;
    }
    for (let yy = y0 + 1; yy < y1; yy++)
      this.pixels.copyWithin((yy * this.width + x0) * 3, first, first + rowBytes);
  }

  /** A line `thickness` px wide, drawn as square dabs along its length. */
  line(x1: number, y1: number, x2: number, y2: number, thickness: number, color: string): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1)));
    const half = thickness / 2;
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      this.fillRect(x1 + (x2 - x1) * t - half, y1 + (y2 - y1) * t - half, thickness, thickness, color);
    }
  }

  dot(cx: number, cy: number, radius: number, color: string): void {
    for (let dy = -radius; dy <= radius; dy++) {
      const half = Math.sqrt(radius * radius - dy * dy);
      this.fillRect(cx - half, cy + dy, half * 2, 1, color);
    }
  }
}

const colours = new Map<string, [number, number, number]>();

function parseHex(color: string): [number, number, number] {
  const known = colours.get(color);
  if (known) return known;
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new RangeError(`not a #rrggbb colour: ${color}`);
  const rgb: [number, number, number] = [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  colours.set(color, rgb);
  return rgb;
}
