import { beforeEach, describe, expect, it, vi } from "vitest";

const requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));
const { requestNonce } = await import("./nonce");

describe("requestNonce", () => {
  beforeEach(() => requestHeaders.delete("content-security-policy"));

  it("reads the nonce proxy.ts put in the request's policy", async () => {
    requestHeaders.set(
      "content-security-policy",
      "default-src 'self'; script-src 'self' 'nonce-q8V+/nl2d0Zr1w==' http://localhost:8900; object-src 'none'",
    );
    expect(await requestNonce()).toBe("q8V+/nl2d0Zr1w==");
  });

  it("is undefined when the request carries no policy or no nonce", async () => {
    expect(await requestNonce()).toBeUndefined();
    requestHeaders.set("content-security-policy", "default-src 'none'");
    expect(await requestNonce()).toBeUndefined();
  });
});
