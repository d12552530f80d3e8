import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./svg";
import { fixtureOrders, fixtureWorkbook, viewNamed } from "./test-fixture";

const site = { orders: fixtureOrders() };
const wb = fixtureWorkbook();

function keys(svg: string): string[] {
  return [...svg.matchAll(/class="mark" data-key="([^"]+)"/g)].map((m) => m[1]!);
}

describe("renderChartSvg", () => {
  it("draws an accessible bar chart with axes, labels and values", () => {
    const svg = renderChartSvg(site, wb, viewNamed(wb, "Sales by Region"));
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('<title id="vz-title">Sales by Region</title>');
    expect(keys(svg)).toEqual(["Central", "East", "South", "West"]);
    expect(svg).toMatch(/>\$0</); // y axis starts at zero
    expect(svg).toContain(">Region<"); // axis title
    expect(svg.match(/<rect [^>]*fill="#4e79a7"/g)?.length).toBe(4);
  });

  it("shows only the rows row-level security allows, and says so in the description", () => {
    const svg = renderChartSvg(site, wb, viewNamed(wb, "Sales by Region"), {
      attributes: { Region: "East" },
    });
    expect(keys(svg)).toEqual(["East"]);
    expect(svg).not.toMatch(/West|Central|South/);
  });

  it("draws a dashboard's worksheets side by side", () => {
    const svg = renderChartSvg(site, wb, viewNamed(wb, "Overview"), { width: 1000, height: 400 });
    const panels = [...svg.matchAll(/<g class="panel" data-sheet="([^"]+)"/g)].map((m) => m[1]);
    expect(panels).toEqual(["Sales by Region", "Profit by Category"]);
    expect(svg).toContain('viewBox="0 0 1000 400"');
    expect(svg).toContain('fill="#c8553d"'); // Furniture's negative profit
  });

  it("stacks a dashboard's worksheets on a portrait canvas", () => {
    const svg = renderChartSvg(site, wb, viewNamed(wb, "Overview"), { width: 360, height: 700 });
    const titles = [
      ...svg.matchAll(/<g class="panel" data-sheet="[^"]+"><text x="([\d.]+)" y="([\d.]+)"/g),
    ].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
    expect(titles).toHaveLength(2);
    const [first, second] = titles as [{ x: number; y: number }, { x: number; y: number }];
    expect(second.x).toBe(first.x);
    expect(second.y).toBeGreaterThan(first.y + 300);
  });

  it("draws a line over months and a table with a grand total", () => {
    const line = renderChartSvg(site, wb, viewNamed(wb, "Monthly Trend"));
    expect(line).toContain("<polyline");
    expect(keys(line)).toHaveLength(6);
    expect(line).toContain(">Jan 2025<");
    const table = renderChartSvg(site, wb, viewNamed(wb, "Region Summary"), {
      filters: { Region: ["East"] },
    });
    expect(keys(table)).toEqual(["East"]);
    expect(table).toContain(">Grand Total<");
  });

  it("is deterministic and escapes text", () => {
    const a = renderChartSvg(site, wb, viewNamed(wb, "Overview"), { filters: { category: ["technology"] } });
    expect(
      renderChartSvg(site, wb, viewNamed(wb, "Overview"), { filters: { category: ["technology"] } }),
    ).toBe(a);
    const odd = {
      ...wb,
      views: wb.views.map((v) => (v.name === "Sales by Region" ? { ...v, name: "<b>&" } : v)),
    };
    expect(renderChartSvg(site, odd, viewNamed(odd, "<b>&"))).toContain("&lt;b&gt;&amp;");
  });

  it("says when no row matches", () => {
    const svg = renderChartSvg(site, wb, viewNamed(wb, "Sales by Region"), {
      filters: { Region: ["Nowhere"] },
    });
    expect(svg).toContain("No data for the current filters");
  });
});
