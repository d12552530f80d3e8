import { crc32 as zlibCrc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderViewPng } from "./image";
import { crc32 } from "./png";
import { fixtureOrders, fixtureWorkbook, viewNamed } from "./test-fixture";

const ctx = { site: { orders: fixtureOrders() } } as unknown as Parameters<typeof renderViewPng>[0];
const wb = fixtureWorkbook();

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
}

function chunks(png: Buffer): Chunk[] {
  const out: Chunk[] = [];
  let at = 8;
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    out.push({
      type: png.toString("ascii", at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + len),
      crc: png.readUInt32BE(at + 8 + len),
    });
    at += 12 + len;
  }
  expect(at).toBe(png.length);
  return out;
}

describe("renderViewPng", () => {
  it("is a valid PNG: signature, IHDR, CRCs, IDAT of the right length", () => {
    const png = renderViewPng(ctx, wb, viewNamed(wb, "Overview"), { width: 640, height: 360 });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    for (const c of list)
      expect(c.crc).toBe(zlibCrc32(Buffer.concat([Buffer.from(c.type, "ascii"), c.data])));
    const ihdr = list[0]!.data;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([640, 360, 8, 2]);
    const raw = inflateSync(list[1]!.data);
    expect(raw.length).toBe(360 * (640 * 3 + 1));
    // Every scanline uses filter type 0 and the picture is not blank: some pixels carry the mark colour.
    let markPixels = 0;
    for (let y = 0; y < 360; y++) {
      expect(raw[y * (640 * 3 + 1)]).toBe(0);
      for (let x = 0; x < 640; x++) {
        const i = y * (640 * 3 + 1) + 1 + x * 3;
        if (raw[i] === 0x4e && raw[i + 1] === 0x79 && raw[i + 2] === 0xa7) markPixels++;
      }
    }
    expect(markPixels).toBeGreaterThan(1000);
  });

  it("uses the default size, clamps absurd ones, and reflects filters", () => {
    const ihdrOf = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(ihdrOf(renderViewPng(ctx, wb, viewNamed(wb, "Monthly Trend")))).toEqual([960, 540]);
    expect(ihdrOf(renderViewPng(ctx, wb, viewNamed(wb, "Monthly Trend"), { width: 1e9, height: 3 }))).toEqual(
      [4000, 160],
    );
    const all = renderViewPng(ctx, wb, viewNamed(wb, "Sales by Region"));
    const east = renderViewPng(ctx, wb, viewNamed(wb, "Sales by Region"), { attributes: { Region: "East" } });
    expect(east.equals(all)).toBe(false);
    expect(
      renderViewPng(ctx, wb, viewNamed(wb, "Sales by Region"), { attributes: { Region: "East" } }).equals(
        east,
      ),
    ).toBe(true);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
  });
});
