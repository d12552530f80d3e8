/**
 * A PowerPoint deck (.pptx, Office Open XML PresentationML) with one slide per exported sheet: its title and
 * its chart as a PNG picture. The package holds the parts PowerPoint needs to open a deck (presentation, one
 * master, one layout, a theme, the slides and their images), zipped by render/zip.ts.
 */
import { xmlText as esc } from "./xlsx";
import { writeZip, type ZipEntry } from "./zip";

export const PPTX_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

export interface Slide {
  title: string;
  png: Buffer;
  /** The picture's size in pixels, kept in proportion on the 16:9 slide. */
  width: number;
  height: number;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const P = "http://schemas.openxmlformats.org/presentationml/2006/main";
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS = `xmlns:a="${A}" xmlns:r="${R}" xmlns:p="${P}"`;
const CT = "application/vnd.openxmlformats-officedocument";
// A 16:9 slide, 13.333 × 7.5 inches, in English Metric Units (914400 per inch).
const SLIDE_W = 12192000;
const SLIDE_H = 6858000;
const MARGIN = 457200;
const TITLE_H = 914400;

const rels = (items: Array<[string, string, string]>) =>
  `${XML}<Relationships xmlns="${PKG}">` +
  items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${R}/${type}" Target="${target}"/>`)
    .join("") +
  `</Relationships>`;

const emptyTree =
  `<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
  `<p:grpSpPr/></p:spTree></p:cSld>`;

const THEME =
  `${XML}<a:theme xmlns:a="${A}" name="Vizport"><a:themeElements>` +
  `<a:clrScheme name="Vizport"><a:dk1><a:srgbClr val="000000"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>` +
  `<a:dk2><a:srgbClr val="1F2937"/></a:dk2><a:lt2><a:srgbClr val="F3F4F6"/></a:lt2>` +
  ["1D4ED8", "B45309", "047857", "B91C1C", "6D28D9", "0E7490"]
    .map((c, i) => `<a:accent${i + 1}><a:srgbClr val="${c}"/></a:accent${i + 1}>`)
    .join("") +
  `<a:hlink><a:srgbClr val="1D4ED8"/></a:hlink><a:folHlink><a:srgbClr val="6D28D9"/></a:folHlink></a:clrScheme>` +
  `<a:fontScheme name="Vizport"><a:majorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>` +
  `<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme>` +
  `<a:fmtScheme name="Vizport"><a:fillStyleLst>${'<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'.repeat(3)}</a:fillStyleLst>` +
  `<a:lnStyleLst>${'<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>'.repeat(3)}</a:lnStyleLst>` +
  `<a:effectStyleLst>${"<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3)}</a:effectStyleLst>` +
  `<a:bgFillStyleLst>${'<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'.repeat(3)}</a:bgFillStyleLst>` +
  `</a:fmtScheme></a:themeElements></a:theme>`;

const MASTER =
  `${XML}<p:sldMaster ${NS}>${emptyTree}` +
  `<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>` +
  `<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst></p:sldMaster>`;

const LAYOUT = `${XML}<p:sldLayout ${NS} type="blank">${emptyTree}<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>`;

function slideXml(slide: Slide): string {
  const boxW = SLIDE_W - 2 * MARGIN;
  const boxH = SLIDE_H - 2 * MARGIN - TITLE_H;
  const scale = Math.min(boxW / Math.max(1, slide.width), boxH / Math.max(1, slide.height));
  const cx = Math.round(slide.width * scale);
  const cy = Math.round(slide.height * scale);
  const x = Math.round((SLIDE_W - cx) / 2);
  const y = MARGIN + TITLE_H;
  const title =
    `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${MARGIN}" y="${MARGIN}"/><a:ext cx="${boxW}" cy="${TITLE_H}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>` +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="en-US" sz="2800" b="1"/><a:t>${esc(slide.title)}</a:t></a:r></a:p></p:txBody></p:sp>`;
  const picture =
    `<p:pic><p:nvPicPr><p:cNvPr id="3" name="Chart" descr="${esc(slide.title)}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>` +
    `<p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>` +
    `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>`;
  return (
    `${XML}<p:sld ${NS}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>` +
    `<p:grpSpPr/>${title}${picture}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>`
  );
}

export function writePptx(slides: readonly Slide[]): Buffer {
  if (slides.length === 0) throw new Error("a deck needs at least one slide");
  const part = (name: string, text: string): ZipEntry => ({ name, data: Buffer.from(text, "utf8") });
  const over = (name: string, type: string) => `<Override PartName="/${name}" ContentType="${CT}.${type}"/>`;
  const n = slides.map((_, i) => i + 1);
  const types =
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
    over("ppt/presentation.xml", "presentationml.presentation.main+xml") +
    over("ppt/slideMasters/slideMaster1.xml", "presentationml.slideMaster+xml") +
    over("ppt/slideLayouts/slideLayout1.xml", "presentationml.slideLayout+xml") +
    over("ppt/theme/theme1.xml", "theme+xml") +
    n.map((i) => over(`ppt/slides/slide${i}.xml`, "presentationml.slide+xml")).join("") +
    `</Types>`;
  const presentation =
    `${XML}<p:presentation ${NS}><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>` +
    `<p:sldIdLst>${n.map((i) => `<p:sldId id="${255 + i}" r:id="rId${i + 1}"/>`).join("")}</p:sldIdLst>` +
    `<p:sldSz cx="${SLIDE_W}" cy="${SLIDE_H}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`;
  return writeZip([
    part("[Content_Types].xml", types),
    part("_rels/.rels", rels([["rId1", "officeDocument", "ppt/presentation.xml"]])),
    part("ppt/presentation.xml", presentation),
    part(
      "ppt/_rels/presentation.xml.rels",
      rels([
        ["rId1", "slideMaster", "slideMasters/slideMaster1.xml"],
        ...n.map((i): [string, string, string] => [`rId${i + 1}`, "slide", `slides/slide${i}.xml`]),
        [`rId${slides.length + 2}`, "theme", "theme/theme1.xml"],
      ]),
    ),
    part("ppt/slideMasters/slideMaster1.xml", MASTER),
    part(
      "ppt/slideMasters/_rels/slideMaster1.xml.rels",
      rels([
        ["rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"],
        ["rId2", "theme", "../theme/theme1.xml"],
      ]),
    ),
    part("ppt/slideLayouts/slideLayout1.xml", LAYOUT),
    part(
      "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
      rels([["rId1", "slideMaster", "../slideMasters/slideMaster1.xml"]]),
    ),
    part("ppt/theme/theme1.xml", THEME),
    ...slides.flatMap((slide, i) => [
      part(`ppt/slides/slide${i + 1}.xml`, slideXml(slide)),
      part(
        `ppt/slides/_rels/slide${i + 1}.xml.rels`,
        rels([
          ["rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"],
          ["rId2", "image", `../media/image${i + 1}.png`],
        ]),
      ),
      { name: `ppt/media/image${i + 1}.png`, data: slide.png },
    ]),
  ]);
}
