import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBodyLimited } from "./body-limit";

function chunked(parts: string[]): Request {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
  return new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
}

describe("readBodyLimited", () => {
  it("returns a body within the limit", async () => {
    const body = await readBodyLimited(new Request("http://localhost/x", { method: "POST", body: "abc" }), 3);
    expect(new TextDecoder().decode(body)).toBe("abc");
  });

  it("returns an empty body for a bodiless request", async () => {
    expect((await readBodyLimited(new Request("http://localhost/x"), 10)).byteLength).toBe(0);
  });

  it("does not read a body declared empty", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "ignored" });
    const declaredEmpty = new Request(request, { headers: { "content-length": "0" } });
    expect((await readBodyLimited(declaredEmpty, 10)).byteLength).toBe(0);
    expect(declaredEmpty.bodyUsed).toBe(false);
  });

  it("refuses a declared length over the limit without reading", async () => {
    const request = new Request("http://localhost/x", {
      method: "POST",
      body: "x".repeat(10),
      headers: { "content-length": "10" },
    });
    await expect(readBodyLimited(request, 4)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it("cuts off a chunked body as soon as it passes the limit", async () => {
    await expect(readBodyLimited(chunked(["aaaa", "bbbb", "cccc"]), 6)).rejects.toMatchObject({
      code: "BODY_TOO_LARGE",
    });
    const ok = await readBodyLimited(chunked(["aa", "bb"]), 4);
    expect(new TextDecoder().decode(ok)).toBe("aabb");
  });
});
