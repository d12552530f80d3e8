import { describe, expect, it } from "vitest";
import { ThumbnailCache, thumbnailKey } from "./thumbnail-cache";

const png = (n: number) => ({ bytes: new Uint8Array([n]), contentType: "image/png" });

describe("ThumbnailCache", () => {
  it("loads once per user and view until the entry ages out", async () => {
    let clock = 0;
    const cache = new ThumbnailCache(10, 1000, () => clock);
    let loads = 0;
    const load = async () => png(++loads);
    const alice = thumbnailKey("alice@example.com", "w1", "v1");
    const bob = thumbnailKey("bob@example.com", "w1", "v1");
    expect((await cache.get(alice, load)).bytes[0]).toBe(1);
    expect((await cache.get(alice, load)).bytes[0]).toBe(1);
    expect((await cache.get(bob, load)).bytes[0]).toBe(2);
    clock = 1001;
    expect((await cache.get(alice, load)).bytes[0]).toBe(3);
  });

  it("keeps at most maxEntries, dropping the least recently used", async () => {
    const cache = new ThumbnailCache(2, 60_000);
    await cache.get("a", async () => png(1));
    await cache.get("b", async () => png(2));
    await cache.get("a", async () => png(9));
    await cache.get("c", async () => png(3));
    expect(cache.size).toBe(2);
    expect((await cache.get("a", async () => png(9))).bytes[0]).toBe(1);
    expect((await cache.get("b", async () => png(8))).bytes[0]).toBe(8);
  });

  it("does not cache a failed load", async () => {
    const cache = new ThumbnailCache();
    await expect(cache.get("x", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(cache.size).toBe(0);
  });
});
