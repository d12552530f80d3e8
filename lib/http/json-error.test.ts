import { describe, expect, it } from "vitest";
import { jsonError, jsonResponse } from "./json-error";

describe("jsonResponse", () => {
  it("marks a small answer no-transform, keeping its own Cache-Control", async () => {
    const response = jsonResponse({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("leaves a large answer to be compressed", () => {
    const response = jsonResponse({ rows: "x".repeat(2000) }, { status: 201 });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBeNull();
  });

  it("does not repeat no-transform", () => {
    const response = jsonResponse({}, { headers: { "Cache-Control": "no-store, no-transform" } });
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
  });
});

describe("jsonError", () => {
  it("answers the error shape, never cached, with extra headers", async () => {
    const response = jsonError(429, "RATE_LIMITED", "Slow down.", { "Retry-After": "7" });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: "Slow down." } });
  });
});
