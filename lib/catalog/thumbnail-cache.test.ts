import { describe, expect, it } from "vitest";
import { MemoryCacheStore } from "@/lib/store/cache";
import { createThumbnailCache, imageCodec, thumbnailKey } from "./thumbnail-cache";

const png = (n: number, size = 1) => ({ bytes: new Uint8Array(size).fill(n), contentType: "image/png" });

describe("the thumbnail cache", () => {
  it("loads once per principal and view until the entry ages out; principals never share", async () => {
    let clock = 0;
    const cache = createThumbnailCache(new MemoryCacheStore(() => clock), 10_000, 1000);
    let loads = 0;
    const load = async () => png(++loads);
    const alice = thumbnailKey("alice@example.com", "w1", "v1");
    const bobWest = thumbnailKey("bob@example.com#1a2b", "w1", "v1");
    const bobEast = thumbnailKey("bob@example.com#3c4d", "w1", "v1");
    expect((await cache.get(alice, load)).bytes[0]).toBe(1);
    expect((await cache.get(alice, load)).bytes[0]).toBe(1);
    expect((await cache.get(bobWest, load)).bytes[0]).toBe(2);
    expect((await cache.get(bobEast, load)).bytes[0]).toBe(3);
    clock = 1001;
    expect((await cache.get(alice, load)).bytes[0]).toBe(4);
  });

  it("holds at most its byte bound, dropping the least recently used", async () => {
    const cache = createThumbnailCache(new MemoryCacheStore(), 2_100, 60_000);
    await cache.get("a", async () => png(1, 1000));
    await cache.get("b", async () => png(2, 1000));
    await cache.get("a", async () => png(9, 1000));
    await cache.get("c", async () => png(3, 1000));
    expect((await cache.get("a", async () => png(9, 1000))).bytes[0]).toBe(1);
    expect((await cache.get("b", async () => png(8, 1000))).bytes[0]).toBe(8);
  });

  it("shares one load among concurrent requests and does not cache a failed one", async () => {
    const cache = createThumbnailCache(new MemoryCacheStore(), 10_000, 60_000);
    let loads = 0;
    const slow = async () => {
      await new Promise((r) => setTimeout(r, 20));
      return png(++loads);
    };
    const images = await Promise.all(Array.from({ length: 12 }, () => cache.get("x", slow)));
    expect(images.every((image) => image.bytes[0] === 1)).toBe(true);
    await expect(cache.get("y", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect((await cache.get("y", slow)).bytes[0]).toBe(2);
  });

  it("round-trips an image and its content type through the stored bytes", () => {
    const image = { bytes: new Uint8Array([137, 80, 78, 71, 0, 255]), contentType: "image/png" };
    expect(imageCodec.decode(imageCodec.encode(image))).toEqual(image);
  });
});
