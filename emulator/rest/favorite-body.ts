/**
 * The body of Add Favorites, JSON or XML: `{"favorite":{"label":"…","view":{"id":"…"}}}` or
 * `<tsRequest><favorite label="…"><view id="…"/></favorite></tsRequest>`; the item is one of view, workbook,
 * datasource, project or flow.
 */
import { z } from "zod";
import { restErrors } from "./errors";
import { readXmlTags, XmlParseError } from "./xml";

export const FAVORITE_TYPES = ["view", "workbook", "datasource", "project", "flow"] as const;
export type FavoriteType = (typeof FAVORITE_TYPES)[number];

export interface FavoriteRequest {
  label: string;
  type: FavoriteType;
  id: string;
}

const ref = z.object({ id: z.string().min(1).max(100) });
const jsonSchema = z.object({
  favorite: z
    .object({ label: z.string().trim().min(1).max(255) })
    .extend(Object.fromEntries(FAVORITE_TYPES.map((t) => [t, ref.optional()]))),
});

const EXPECTED =
  'Expected {"favorite":{"label":"…","view":{"id":"…"}}} (or workbook, datasource, project, flow), one item.';

function single(label: string, found: Array<[FavoriteType, string | undefined]>): FavoriteRequest {
  const items = found.filter((f): f is [FavoriteType, string] => typeof f[1] === "string" && f[1] !== "");
  if (items.length !== 1 || label.trim() === "") throw restErrors.badRequest(EXPECTED);
  return { label: label.trim(), type: items[0]![0], id: items[0]![1] };
}

export function parseFavoriteBody(body: Buffer, contentType: string | undefined): FavoriteRequest {
  const text = body.toString("utf8").trim();
  if (text === "") throw restErrors.badRequest("The request has no body. " + EXPECTED);
  if (/xml/i.test(contentType ?? "") || text.startsWith("<")) {
    if (text.length > 64 * 1024) throw restErrors.badRequest("The XML body is larger than 64 KB.");
    let tags;
    try {
      tags = readXmlTags(text);
    } catch (err) {
      if (err instanceof XmlParseError) throw restErrors.badRequest(err.message);
      throw err;
    }
    const favorite = tags.find((t) => t.name === "favorite");
    if (tags[0]?.name !== "tsRequest" || !favorite) throw restErrors.badRequest(EXPECTED);
    const items = FAVORITE_TYPES.map(
      (t) => [t, tags.find((tag) => tag.name === t)?.attributes.id] as [FavoriteType, string | undefined],
    );
    return single(favorite.attributes.label ?? "", items);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw restErrors.badRequest("The body is not valid JSON. " + EXPECTED);
  }
  const parsed = jsonSchema.safeParse(raw);
  if (!parsed.success) throw restErrors.badRequest(EXPECTED);
  const fav = parsed.data.favorite as Record<string, unknown> & { label: string };
  return single(
    fav.label,
    FAVORITE_TYPES.map((t) => [t, (fav[t] as { id?: string } | undefined)?.id]),
  );
}
