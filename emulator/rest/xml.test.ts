import { describe, expect, it } from "vitest";
import { readXmlTags, toTsResponseXml, XmlParseError } from "./xml";

describe("XML wire form", () => {
  it("escapes every value it writes, in attributes and text", () => {
    const xml = toTsResponseXml({
      workbook: { name: `a"<b>&'`, tags: { tag: [{ label: "x&y" }] } },
      note: "<script>",
    });
    expect(xml).toContain(
      '<workbook name="a&quot;&lt;b&gt;&amp;&apos;"><tags><tag label="x&amp;y"/></tags></workbook>',
    );
    expect(xml).toContain("<note>&lt;script&gt;</note>");
  });

  it("refuses element names it cannot write safely", () => {
    expect(() => toTsResponseXml({ "bad name": "x" })).toThrow(/invalid XML element name/);
  });

  it("reads start tags and decodes entities in attributes", () => {
    const tags = readXmlTags(
      `<ts:tsRequest><credentials jwt="a&amp;b&#x41;&#66;"><site contentUrl='s'/></credentials></ts:tsRequest>`,
    );
    expect(tags).toEqual([
      { name: "tsRequest", attributes: {} },
      { name: "credentials", attributes: { jwt: "a&bAB" } },
      { name: "site", attributes: { contentUrl: "s" } },
    ]);
  });

  it("refuses a character reference outside Unicode", () => {
    expect(() => readXmlTags('<t a="&#x110000;"/>')).toThrow(XmlParseError);
  });

  it("refuses DOCTYPE and ENTITY declarations", () => {
    expect(() => readXmlTags('<!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><t a="&x;"/>')).toThrow(
      XmlParseError,
    );
  });
});
