/**
 * GET /api/saved-view-thumbnails/{customViewId} → the saved view's image (REST Get Custom View Image), fetched
 * as the caller's own Tableau user, so Tableau's visibility rules apply: someone else's private custom view is
 * a 404. Cached per Tableau principal, never across people (row-level security shapes the image).
 */
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { asTableauError } from "@/lib/catalog/tableau-error-shape";
import { createThumbnailCache, thumbnailKey } from "@/lib/catalog/thumbnail-cache";
import { getEnv } from "@/lib/env";
import { apiRoute } from "@/lib/http/api-route";
import { jsonError } from "@/lib/http/json-error";
import { logEvent } from "@/lib/log";
import { CUSTOM_VIEW_ID } from "@/lib/saved-views/paths";
import { getCacheStore, shared } from "@/lib/store";
import { imageResponse, THUMBNAIL_MAX_AGE_SECONDS } from "@/lib/http/image-response";
import { explainTableauError } from "@/lib/tableau/rest";
import { getRestUsername, getTableauClient } from "@/lib/tableau/server";

export const dynamic = "force-dynamic";

const paramsSchema = z.object({ customViewId: z.string().regex(CUSTOM_VIEW_ID) });
const thumbnails = () =>
  shared("catalog.savedViewThumbnails", () =>
    createThumbnailCache(getCacheStore(), getEnv().caches.thumbnailBytes, THUMBNAIL_MAX_AGE_SECONDS * 1000),
  );

export const GET = apiRoute(
  async (request: Request, { params }: { params: Promise<{ customViewId: string }> }, requestId: string) => {
    const user = await getCurrentUser(request);
    if (!user) return jsonError(401, "UNAUTHENTICATED", "Sign in to the portal to see thumbnails.");
    const username = await getRestUsername(user.email);
    if (!username)
      return jsonError(403, "NO_TABLEAU_MAPPING", "Your portal account is not linked to a Tableau user.");
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return jsonError(400, "BAD_ID", "A saved view's id is letters, digits and dashes.");

    try {
      const { customViewId } = parsed.data;
      // The key's middle part keeps custom views apart from view thumbnails in a shared store.
      const image = await thumbnails().get(thumbnailKey(username, "custom-view", customViewId), () =>
        getTableauClient().getCustomViewImage(username, customViewId),
      );
      return imageResponse(image);
    } catch (error) {
      const tableau = asTableauError(error);
      if (tableau && (tableau.status === 404 || tableau.status === 403))
        return jsonError(404, "NOT_FOUND", "No such saved view, or it is not shared with you.");
      const explained = explainTableauError(error);
      logEvent("saved_view_thumbnail.error", { requestId, user: user.email, code: explained.code });
      return jsonError(502, explained.code.toUpperCase(), explained.message);
    }
  },
);
