import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderViewPdf, renderWorkbookPdf } from "./pdf";
import { fixtureOrders, fixtureWorkbook, viewNamed } from "./test-fixture";

const ctx = { site: { orders: fixtureOrders() } } as unknown as Parameters<typeof renderViewPdf>[0];
const wb = fixtureWorkbook();

describe("renderViewPdf", () => {
  it("writes a PDF whose xref points at every object and whose image holds the chart's pixels", () => {
    const pdf = renderViewPdf(ctx, wb, viewNamed(wb, "Overview"), { width: 400, height: 200 });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expect(text.endsWith("%%EOF\n")).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe("xref");
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(offsets).toHaveLength(6);
    offsets.forEach((offset, i) => expect(text.slice(offset, offset + 7)).toBe(`${i + 1} 0 obj`));
    const imageStart = text.indexOf("stream\n", offsets[4]!) + 7;
    const length = Number(/\/Length (\d+)/.exec(text.slice(offsets[4]!))![1]);
    expect(inflateSync(pdf.subarray(imageStart, imageStart + length)).length).toBe(400 * 200 * 3);
    expect(text).toContain("(Superstore / Overview) Tj");
  });

  it("escapes PDF string delimiters in titles", () => {
    const odd = { ...wb, name: "Q(1) \\ draft" };
    expect(renderViewPdf(ctx, odd, viewNamed(odd, "Monthly Trend")).toString("latin1")).toContain(
      "(Q\\(1\\) \\\\ draft / Monthly Trend) Tj",
    );
  });

  it("fills a given page size, one page per view, each page with its own image", () => {
    const pdf = renderWorkbookPdf(ctx, wb, wb.views.slice(0, 3), {}, { width: 595, height: 842 }).toString(
      "latin1",
    );
    expect([...pdf.matchAll(/\/MediaBox \[0 0 595 842\]/g)]).toHaveLength(3);
    expect(pdf).toContain("/Count 3");
    expect(new Set([...pdf.matchAll(/\/Im0 (\d+) 0 R/g)].map((m) => m[1])).size).toBe(3);
    // The image fills the page inside 36 pt margins and a 28 pt title band, to the nearest whole pixel.
    expect(pdf).toContain("q 522.75 0 0 741.75 36 36.25 cm");
  });
});
