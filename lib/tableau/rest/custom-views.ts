/**
 * Custom views (API 3.18): the signed-in user's own (List Custom Views with `ownerId:eq:` their user id), one
 * by id (Get Custom View, which Tableau answers only to those who may see it) and its image. The portal calls
 * them "saved views"; they are made and changed through the Embedding API in the viz.
 */
import { z } from "zod";
import { getBytes, getJson, withSession, type RestContext } from "./context";
import { sendJson } from "./http";
import type { ImageBytes } from "./types";
import { paginationSchema } from "./wire";
import { TableauUnavailableError } from "../errors";

export interface CustomView {
  id: string;
  name: string;
  shared: boolean;
  viewId: string;
  viewName: string;
  workbookId: string;
  ownerId: string;
  ownerName: string;
  updatedAt: string;
}

const ref = z.object({ id: z.string(), name: z.string().optional() }).passthrough();
const wireCustomViewSchema = z
  .object({
    id: z.string().min(1),
    name: z.string(),
    shared: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
    updatedAt: z.string().optional(),
    view: ref,
    workbook: ref,
    owner: ref,
  })
  .passthrough();
type WireCustomView = z.infer<typeof wireCustomViewSchema>;
const listSchema = z.object({
  pagination: paginationSchema.optional(),
  customViews: z
    .object({ customView: z.union([z.array(wireCustomViewSchema), wireCustomViewSchema]).optional() })
    .optional(),
});

function reshape(cv: WireCustomView): CustomView {
  return {
    id: cv.id,
    name: cv.name,
    shared: cv.shared === true || cv.shared === "true",
    viewId: cv.view.id,
    viewName: cv.view.name ?? "",
    workbookId: cv.workbook.id,
    ownerId: cv.owner.id,
    ownerName: cv.owner.name ?? "",
    updatedAt: cv.updatedAt ?? "",
  };
}

const PAGE_SIZE = 100;
/** A person's saved views are a short list; past this many pages the rest is not shown rather than waited for. */
const MAX_PAGES = 5;

export async function listOwnCustomViews(ctx: RestContext, username: string): Promise<CustomView[]> {
  return withSession(ctx, username, async (s) => {
    const out: CustomView[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      ctx.counters.requests++;
      const body = await sendJson(ctx.http, {
        method: "GET",
        path: `/sites/${s.siteId}/customviews`,
        query: { filter: `ownerId:eq:${s.userId}`, pageSize: PAGE_SIZE, pageNumber: page },
        token: s.token,
      });
      const parsed = listSchema.safeParse(body);
      if (!parsed.success)
        throw new TableauUnavailableError(
          "tableau_bad_response",
          "Tableau's answer to List Custom Views did not have the expected shape.",
          { cause: parsed.error },
        );
      const raw = parsed.data.customViews?.customView ?? [];
      out.push(...(Array.isArray(raw) ? raw : [raw]).map(reshape));
      const total = parsed.data.pagination?.totalAvailable;
      if (total === undefined || page * PAGE_SIZE >= total) break;
    }
    return out;
  });
}

export async function getCustomView(ctx: RestContext, username: string, id: string): Promise<CustomView> {
  const path = `/customviews/${encodeURIComponent(id)}`;
  const data = await getJson(ctx, username, path, {}, z.object({ customView: wireCustomViewSchema }));
  return reshape(data.customView);
}

export function getCustomViewImage(ctx: RestContext, username: string, id: string): Promise<ImageBytes> {
  return getBytes(ctx, username, `/customviews/${encodeURIComponent(id)}/image`, {});
}
