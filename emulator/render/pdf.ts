/**
 * A one-page PDF of a view: a title line and the chart image (the PNG's pixels as a Flate-compressed image
 * XObject). Hand-written to the PDF 1.4 structure (objects, xref table with byte offsets, trailer), which is
 * all an export download needs.
 */
import { deflateSync } from "node:zlib";
import type { EmulatorContext } from "../core/context";
import type { SiteView, SiteWorkbook } from "../core/site";
import { rasterizeView } from "./image";
import type { RenderOptions } from "./view-model";

/** PDF literal string: ASCII only (Helvetica's standard encoding), with `\\`, `(` and `)` escaped. */
function pdfText(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
}

export function renderViewPdf(
  ctx: Pick<EmulatorContext, "site">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions = {},
): Buffer {
  const raster = rasterizeView(ctx, workbook, view, opts);
  const { width, height } = raster;
  // 1 px = 0.75 pt (96 dpi); a 36 pt margin and a 28 pt title band.
  const imgW = width * 0.75;
  const imgH = height * 0.75;
  const pageW = imgW + 72;
  const pageH = imgH + 36 + 28 + 36;
  const image = deflateSync(Buffer.from(raster.pixels));
  const title = pdfText(`${workbook.name} / ${view.name}`);
  const content = `BT /F1 14 Tf 36 ${pageH - 50} Td (${title}) Tj ET\nq ${imgW} 0 0 ${imgH} 36 36 cm /Im0 Do Q\n`;
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageW} ${pageH}] ` +
        `/Resources << /Font << /F1 4 0 R >> /XObject << /Im0 5 0 R >> >> /Contents 6 0 R >>`,
    ),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB ` +
          `/BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`,
      ),
      image,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}endstream`),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("") +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref));
  return Buffer.concat(parts);
}
