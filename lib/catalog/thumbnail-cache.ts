/**
 * The thumbnail cache: a catalog page asks for a dozen previews at once and every visit asks again, while
 * Tableau renders each one. Keyed by REST principal (Tableau user plus attributes) and view, never shared
 * across principals: what a thumbnail shows may depend on who asks (row-level security). Bounded in bytes
 * (in memory per instance, or over all of Redis), one load in flight per key, entries kept for `ttlMs`.
 */
import { SingleFlight } from "@/lib/store/single-flight";
import type { CacheStore, Codec } from "@/lib/store/cache";

export interface CachedImage {
  bytes: Uint8Array;
  contentType: string;
}

/** One byte of content-type length, the content type, then the image. */
export const imageCodec: Codec<CachedImage> = {
  encode: ({ bytes, contentType }) => {
    const type = Buffer.from(contentType.slice(0, 255), "latin1");
    return Buffer.concat([Buffer.from([type.length]), type, bytes]);
  },
  decode: (stored) => {
    const length = stored[0] ?? 0;
    return {
      contentType: stored.subarray(1, 1 + length).toString("latin1"),
      bytes: new Uint8Array(stored.subarray(1 + length)),
    };
  },
};

export type ThumbnailCache = SingleFlight<CachedImage>;

export function createThumbnailCache(store: CacheStore, maxBytes: number, ttlMs: number): ThumbnailCache {
  const cache = store.cache({
    name: "thumbnails",
    codec: imageCodec,
    maxBytes,
    sizeOf: (image) => image.bytes.length + image.contentType.length,
  });
  return new SingleFlight(cache, ttlMs);
}

export function thumbnailKey(principal: string, workbookId: string, viewId: string): string {
  return JSON.stringify([principal, workbookId, viewId]);
}
