/**
 * A small in-process cache of thumbnails, keyed by Tableau user and view: a catalog page asks for a dozen
 * previews at once and every visit asks again, while Tableau renders each one. Per user, because what a
 * thumbnail shows may depend on who asks (row-level security). Bounded in entries and age.
 */
export interface CachedImage {
  bytes: Uint8Array;
  contentType: string;
}

export class ThumbnailCache {
  private readonly entries = new Map<string, { image: CachedImage; expires: number }>();

  constructor(
    private readonly maxEntries = 500,
    private readonly ttlMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<CachedImage>): Promise<CachedImage> {
    const hit = this.entries.get(key);
    if (hit && hit.expires > this.now()) {
      // Re-insert so that Map order stays least-recently-used first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.image;
    }
    const image = await load();
    this.entries.delete(key);
    this.entries.set(key, { image, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return image;
  }

  get size(): number {
    return this.entries.size;
  }
}

export function thumbnailKey(username: string, workbookId: string, viewId: string): string {
  return JSON.stringify([username, workbookId, viewId]);
}
