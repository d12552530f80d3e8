import { describe, expect, it } from "vitest";
import { readXmlTags } from "../rest/xml";
import { unzip } from "../testing/unzip";
import type { DataTable } from "./table";
import { fixtureWorkbook, viewNamed } from "./test-fixture";
import { sheetName, tableXlsx } from "./xlsx";

const wb = fixtureWorkbook();
const table: DataTable = {
  sheet: viewNamed(wb, "Sales by Region"),
  columns: ["Region", "Sales"],
  rows: [
    ["East", 1234.5],
    ['<West & "Co">', -20],
  ],
};

describe("tableXlsx", () => {
  it("packages the minimal SpreadsheetML parts, each declared and related", () => {
    const files = unzip(tableXlsx(table));
    expect([...files.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    const types = readXmlTags(files.get("[Content_Types].xml")!.toString());
    const parts = types.filter((t) => t.name === "Override").map((t) => t.attributes.PartName);
    expect(parts).toEqual(["/xl/workbook.xml", "/xl/worksheets/sheet1.xml", "/xl/styles.xml"]);
    const rels = readXmlTags(files.get("xl/_rels/workbook.xml.rels")!.toString());
    expect(rels.filter((t) => t.name === "Relationship").map((t) => t.attributes.Target)).toEqual([
      "worksheets/sheet1.xml",
      "styles.xml",
    ]);
    const sheet = readXmlTags(files.get("xl/workbook.xml")!.toString()).find((t) => t.name === "sheet");
    expect(sheet?.attributes.name).toBe("Sales by Region");
  });

  it("writes the header as bold text and the values as numbers, escaping text", () => {
    const xml = unzip(tableXlsx(table)).get("xl/worksheets/sheet1.xml")!.toString();
    expect(xml).toContain('<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">Region</t></is></c>');
    expect(xml).toContain('<c r="B2" s="2"><v>1234.5</v></c>');
    expect(xml).toContain("&lt;West &amp; &quot;Co&quot;&gt;");
    expect(xml).toContain('<c r="B3" s="2"><v>-20</v></c>');
    expect(readXmlTags(xml).filter((t) => t.name === "row")).toHaveLength(3);
  });

  it("follows Excel's sheet-name rules", () => {
    expect(sheetName("Profit: Q1/Q2 [draft]?")).toBe("Profit  Q1 Q2  draft");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName(" / ")).toBe("Sheet1");
  });
});
