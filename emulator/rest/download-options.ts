/**
 * The query parameters Tableau's download methods share: `vf_<field>=value[,value]` view filters, `maxAge`
 * (minutes a rendering may be reused) and, for PDFs, the page `type` and `orientation`. A bad value is a 400
 * that names it.
 */
import type { PageSize } from "../render/pdf";
import { restErrors } from "./errors";

/** `vf_Region=East,West` → `{ Region: ["East", "West"] }` (a repeated field adds its values). */
export function viewFilters(params: URLSearchParams): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params)
    if (key.startsWith("vf_") && key.length > 3)
      filters[key.slice(3)] = [...(filters[key.slice(3)] ?? []), ...value.split(",")];
  return filters;
}

/**
 * `maxAge` in minutes, or null when absent. Tableau's shortest interval is one minute, so 0 means 1; there is
 * no documented maximum, the emulator stops at a year.
 */
export function maxAgeMinutes(params: URLSearchParams): number | null {
  const raw = params.get("maxAge");
  if (raw === null) return null;
  if (!/^\d{1,6}$/.test(raw) || Number(raw) > 525_600)
    throw restErrors.badRequest(`maxAge '${raw}' is not valid: use a whole number of minutes (1 or more).`);
  return Math.max(1, Number(raw));
}

/** Page sizes in points, portrait. */
const PAGE_TYPES: Record<string, PageSize> = {
  A3: { width: 842, height: 1191 },
  A4: { width: 595, height: 842 },
  A5: { width: 420, height: 595 },
  B4: { width: 709, height: 1001 },
  B5: { width: 499, height: 709 },
  Executive: { width: 522, height: 756 },
  Folio: { width: 612, height: 936 },
  Ledger: { width: 792, height: 1224 },
  Legal: { width: 612, height: 1008 },
  Letter: { width: 612, height: 792 },
  Note: { width: 540, height: 720 },
  Quarto: { width: 610, height: 780 },
  Tabloid: { width: 792, height: 1224 },
};

/** `type` (default Legal) and `orientation` (default Portrait), matched case-insensitively. */
export function pdfPage(params: URLSearchParams): { size: PageSize; key: string } {
  const rawType = params.get("type") ?? "Legal";
  const type = Object.keys(PAGE_TYPES).find((t) => t.toLowerCase() === rawType.toLowerCase());
  if (!type)
    throw restErrors.badRequest(
      `type '${rawType}' is not a page type: use ${Object.keys(PAGE_TYPES).join(", ")}.`,
    );
  const rawOrientation = params.get("orientation") ?? "Portrait";
  const orientation = ["Portrait", "Landscape"].find((o) => o.toLowerCase() === rawOrientation.toLowerCase());
  if (!orientation)
    throw restErrors.badRequest(`orientation '${rawOrientation}' is not valid: use Portrait or Landscape.`);
  const portrait = PAGE_TYPES[type]!;
  const size =
    orientation === "Landscape" ? { width: portrait.height, height: portrait.width } : { ...portrait };
  return { size, key: `${type}:${orientation}` };
}
