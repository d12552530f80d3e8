/**
 * PDFs of views: a page per view with a title line and the chart image (the raster's pixels as a
 * Flate-compressed image XObject). Hand-written to the PDF 1.4 structure (objects, xref table with byte
 * offsets, trailer), which is all an export download needs. Without a page size a page fits its image; with
 * one (REST `type` and `orientation`), the image is drawn to fill the page inside its margins.
 */
import { deflateSync } from "node:zlib";
import type { EmulatorContext } from "../core/context";
import type { SiteView, SiteWorkbook } from "../core/site";
import { rasterizeView } from "./image";
import type { Raster } from "./raster";
import type { RenderOptions } from "./view-model";

/** A page size in points (1/72 inch). */
export interface PageSize {
  width: number;
  height: number;
}

const MARGIN = 36;
const TITLE_BAND = 28;
/** 1 px = 0.75 pt (96 dpi). */
const PT_PER_PX = 0.75;

/** PDF literal string: ASCII only (Helvetica's standard encoding), with `\\`, `(` and `)` escaped. */
function pdfText(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, "?").replace(/([\\()])/g, "\\$1");
}

/** The raster size that fills a page's image box. */
function rasterSize(page: PageSize): { width: number; height: number } {
  return {
    width: Math.round((page.width - 2 * MARGIN) / PT_PER_PX),
    height: Math.round((page.height - 2 * MARGIN - TITLE_BAND) / PT_PER_PX),
  };
}

export function renderViewPdf(
  ctx: Pick<EmulatorContext, "site">,
  workbook: SiteWorkbook,
  view: SiteView,
  opts: RenderOptions = {},
  page?: PageSize,
): Buffer {
  return renderWorkbookPdf(ctx, workbook, [view], opts, page);
}

/** One page per view, in the order given. */
export function renderWorkbookPdf(
  ctx: Pick<EmulatorContext, "site">,
  workbook: SiteWorkbook,
  views: readonly SiteView[],
  opts: RenderOptions = {},
  page?: PageSize,
): Buffer {
  const sized = page ? { ...opts, ...rasterSize(page) } : opts;
  return pdfDocument(
    views.map((view) => ({
      title: `${workbook.name} / ${view.name}`,
      raster: rasterizeView(ctx, workbook, view, sized),
      page,
    })),
  );
}

interface PdfPage {
  title: string;
  raster: Raster;
  page?: PageSize;
}

function pdfDocument(pages: readonly PdfPage[]): Buffer {
  const objects: Buffer[] = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from(
      `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 3 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    ),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  pages.forEach((p, i) => objects.push(...pageObjects(p, 4 + 3 * i)));
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

/** The page, its image and its content stream, as objects `first`, `first + 1` and `first + 2`. */
function pageObjects({ title, raster, page }: PdfPage, first: number): Buffer[] {
  const { width, height } = raster;
  const imgW = width * PT_PER_PX;
  const imgH = height * PT_PER_PX;
  const pageW = page?.width ?? imgW + 2 * MARGIN;
  const pageH = page?.height ?? imgH + 2 * MARGIN + TITLE_BAND;
  const image = deflateSync(Buffer.from(raster.pixels));
  const imageY = pageH - MARGIN - TITLE_BAND - imgH;
  const content =
    `BT /F1 14 Tf ${MARGIN} ${pageH - 50} Td (${pdfText(title)}) Tj ET\n` +
    `q ${imgW} 0 0 ${imgH} ${MARGIN} ${imageY} cm /Im0 Do Q\n`;
  return [
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageW} ${pageH}] ` +
        `/Resources << /Font << /F1 3 0 R >> /XObject << /Im0 ${first + 1} 0 R >> >> /Contents ${first + 2} 0 R >>`,
    ),
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
}
