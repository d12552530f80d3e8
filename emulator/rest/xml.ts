/**
 * Tableau's XML wire form, both ways. Output is built from the same object tree as the JSON answer (scalars
 * become attributes, objects child elements, arrays repeated elements), with every value escaped.
 * Input parsing is deliberately tiny: it reads start tags and their attributes, expands only the five
 * predefined entities and numeric references, and refuses DOCTYPE (no entity tricks).
 */
export function escapeXml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`,
  );
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function element(name: string, value: unknown): string {
  if (!NAME.test(name)) throw new Error(`invalid XML element name: ${name}`);
  if (Array.isArray(value)) return value.map((v) => element(name, v)).join("");
  if (value === null || typeof value !== "object")
    return `<${name}>${escapeXml(String(value ?? ""))}</${name}>`;
  let attrs = "";
  let children = "";
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    if (v !== null && typeof v === "object") children += element(key, v);
    else {
      if (!NAME.test(key)) throw new Error(`invalid XML attribute name: ${key}`);
      attrs += ` ${key}="${escapeXml(String(v ?? ""))}"`;
    }
  }
  return children ? `<${name}${attrs}>${children}</${name}>` : `<${name}${attrs}/>`;
}

/** `<tsResponse xmlns="http://tableau.com/api" …>…</tsResponse>` around the JSON-shaped body. */
export function toTsResponseXml(body: Record<string, unknown>): string {
  const inner = Object.entries(body)
    .map(([k, v]) => element(k, v))
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<tsResponse xmlns="http://tableau.com/api" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://tableau.com/api https://help.tableau.com/samples/en-us/rest_api/ts-api_3_28.xsd">' +
    inner +
    "</tsResponse>"
  );
}

export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

export class XmlParseError extends Error {
  readonly code = "XML_PARSE_ERROR";
}

const TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*\/?>/g;
const ATTR = /([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Start tags in document order, with decoded attributes; the caller picks what it needs. */
export function readXmlTags(xml: string): XmlTag[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new XmlParseError("DOCTYPE and ENTITY declarations are not accepted");
  const tags: XmlTag[] = [];
  for (const m of xml.matchAll(TAG)) {
    const attributes: Record<string, string> = {};
    for (const a of (m[2] ?? "").matchAll(ATTR)) attributes[a[1]!] = decodeEntities(a[3] ?? a[4] ?? "");
    tags.push({ name: localName(m[1]!), attributes });
  }
  return tags;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith("#")) {
      const code = e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (!(code >= 0 && code <= 0x10ffff)) throw new XmlParseError(`invalid character reference &${e};`);
      return String.fromCodePoint(code);
    }
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}
