/**
 * A one-sheet Excel workbook (.xlsx, Office Open XML SpreadsheetML) of a {@link DataTable}: the package's
 * minimal parts (content types, relationships, workbook, sheet, styles) zipped by render/zip.ts. Text cells are
 * inline strings (no shared-strings part); the header row is bold and numbers show two decimals.
 */
import type { DataTable } from "./table";
import { writeZip } from "./zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Text for an XML element or attribute: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[&<>"]/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[c]};`)
  );
}

/** Excel's sheet-name rules: at most 31 characters, none of `[]:*?/\`, not blank. */
export function sheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, " ")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned || "Sheet1";
}

function column(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cell(ref: string, value: string | number, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof value === "number" && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${s}><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
}

function worksheet(table: DataTable): string {
  const rows = [table.columns as readonly (string | number)[], ...table.rows].map((values, r) => {
    const cells = values.map((v, c) =>
      cell(`${column(c)}${r + 1}`, v, r === 0 ? 1 : typeof v === "number" ? 2 : 0),
    );
    return `<row r="${r + 1}">${cells.join("")}</row>`;
  });
  const widths = table.columns.map((name, c) => {
    const longest = Math.max(name.length, ...table.rows.map((row) => String(row[c]).length));
    return `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, longest + 4)}" customWidth="1"/>`;
  });
  return (
    `${XML}<worksheet xmlns="${MAIN}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<cols>${widths.join("")}</cols><sheetData>${rows.join("")}</sheetData></worksheet>`
  );
}

// Styles: 0 default, 1 bold (the header), 2 numbers with two decimals (built-in format 4, "#,##0.00").
const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export function tableXlsx(table: DataTable): Buffer {
  const part = (name: string, text: string) => ({ name, data: Buffer.from(text, "utf8") });
  const type = (p: string, t: string) =>
    `<Override PartName="${p}" ContentType="application/vnd.openxmlformats-${t}"/>`;
  return writeZip([
    part(
      "[Content_Types].xml",
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        type("/xl/workbook.xml", "officedocument.spreadsheetml.sheet.main+xml") +
        type("/xl/worksheets/sheet1.xml", "officedocument.spreadsheetml.worksheet+xml") +
        type("/xl/styles.xml", "officedocument.spreadsheetml.styles+xml") +
        `</Types>`,
    ),
    part(
      "_rels/.rels",
      `${XML}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      "xl/workbook.xml",
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        `<sheet name="${xmlText(sheetName(table.sheet.name))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      "xl/_rels/workbook.xml.rels",
      `${XML}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    part("xl/worksheets/sheet1.xml", worksheet(table)),
    part("xl/styles.xml", STYLES),
  ]);
}
