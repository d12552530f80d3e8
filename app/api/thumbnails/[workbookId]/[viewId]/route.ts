/**
 * GET /api/thumbnails/{workbookId}/{viewId} → the view's preview PNG, fetched through the REST client signed in
 * as the caller's own Tableau user, so Tableau's permissions apply: a view the user may not see is a 404.
 * The Tableau session token stays on the server; the browser may cache the image privately for a while.
 */
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { apiRoute } from "@/lib/http/api-route";
import { jsonError } from "@/lib/http/json-error";
import { logEvent } from "@/lib/log";
import { asTableauError } from "@/lib/catalog/tableau-error-shape";
import { createThumbnailCache, thumbnailKey } from "@/lib/catalog/thumbnail-cache";
import { getEnv } from "@/lib/env";
import { explainTableauError } from "@/lib/tableau/rest";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";
import { getCacheStore, shared } from "@/lib/store";
import { imageResponse, THUMBNAIL_MAX_AGE_SECONDS } from "@/lib/http/image-response";

export const dynamic = "force-dynamic";

const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const paramsSchema = z.object({ workbookId: idSchema, viewId: idSchema });
// In memory or Redis (REDIS_URL), bounded by VIZPORT_THUMBNAIL_CACHE_MB; Redis not answering is a miss.
const thumbnails = () =>
  shared("catalog.thumbnails", () =>
    createThumbnailCache(getCacheStore(), getEnv().caches.thumbnailBytes, THUMBNAIL_MAX_AGE_SECONDS * 1000),
  );

export const GET = apiRoute(
  async (
    request: Request,
    { params }: { params: Promise<{ workbookId: string; viewId: string }> },
    requestId: string,
  ) => {
    const user = await getCurrentUser(request);
    if (!user) return jsonError(401, "UNAUTHENTICATED", "Sign in to the portal to see thumbnails.");
    const username = await getRestUsername(user.email);
    if (!username)
      return jsonError(403, "NO_TABLEAU_MAPPING", "Your portal account is not linked to a Tableau user.");
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success)
      return jsonError(400, "BAD_ID", "Workbook and view ids are letters, digits and dashes.");

    try {
      const { workbookId, viewId } = parsed.data;
      const image = await thumbnails().get(thumbnailKey(username, workbookId, viewId), () =>
        getTableauClient().getViewPreviewImage(username, workbookId, viewId),
      );
      return imageResponse(image);
    } catch (error) {
      const tableau = asTableauError(error);
      if (tableau && (tableau.status === 404 || tableau.status === 403)) {
        return jsonError(404, "NOT_FOUND", "No such view, or it is not shared with you.");
      }
      const explained = explainTableauError(error);
      logEvent("thumbnail.error", { requestId, user: user.email, code: explained.code });
      return jsonError(502, explained.code.toUpperCase(), explained.message);
    }
  },
);
