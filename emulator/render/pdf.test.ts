import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { renderViewPdf } from "./pdf";
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
});
