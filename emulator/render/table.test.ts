import { describe, expect, it } from "vitest";
import { exportedSheet, tableCsv, viewTable } from "./table";
import { fixtureOrders, fixtureWorkbook, viewNamed } from "./test-fixture";

const wb = fixtureWorkbook();
const site = { orders: fixtureOrders() };

describe("view tables", () => {
  it("takes a worksheet itself, and a dashboard's first worksheet in alphabetical order", () => {
    expect(exportedSheet(wb, viewNamed(wb, "Monthly Trend"))?.name).toBe("Monthly Trend");
    expect(exportedSheet(wb, viewNamed(wb, "Overview"))?.name).toBe("Profit by Category");
  });

  it("sums the measure by member after filters and row-level security", () => {
    const all = viewTable(site, wb, viewNamed(wb, "Sales by Region"), {})!;
    expect(all.columns).toEqual(["Region", "Sales"]);
    const east = viewTable(site, wb, viewNamed(wb, "Sales by Region"), { attributes: { Region: "East" } })!;
    expect(east.rows).toEqual([all.rows.find((r) => r[0] === "East")]);
    const none = viewTable(site, wb, viewNamed(wb, "Sales by Region"), {
      attributes: { Region: "East" },
      filters: { Region: ["West"] },
    })!;
    expect(none.rows).toEqual([]);
  });

  it("writes RFC 4180 CSV, quoting what needs it", () => {
    const table = {
      sheet: viewNamed(wb, "Monthly Trend"),
      columns: ["Month", "Sales"] as [string, string],
      rows: [],
    };
    expect(
      tableCsv({
        ...table,
        rows: [
          ["a,b", 1.5],
          ['say "hi"', -2],
          ["line\nbreak", 0],
        ],
      }),
    ).toBe('Month,Sales\r\n"a,b",1.5\r\n"say ""hi""",-2\r\n"line\nbreak",0\r\n');
  });
});
