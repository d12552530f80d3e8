import { describe, expect, it } from "vitest";
import { apiRoute } from "./api-route";
import { currentRequestId } from "./request-id";

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/x", { headers });

describe("apiRoute", () => {
  it("passes the caller's well-formed request id to the handler, to code it calls, and back on the response", async () => {
    let seen: unknown[] = [];
    const route = apiRoute(async (_request, _context, requestId) => {
      seen = [requestId, await currentRequestId()];
      return Response.json({ ok: true });
    });
    const response = await route(get({ "x-request-id": "abc-123" }), {});
    expect(seen).toEqual(["abc-123", "abc-123"]);
    expect(response.headers.get("x-request-id")).toBe("abc-123");
  });

  it("replaces a malformed id with a fresh UUID, a different one per request", async () => {
    const route = apiRoute((_request, _context, requestId) => new Response(requestId));
    const first = await route(get({ "x-request-id": "<script>" }), {});
    const second = await route(get(), {});
    const id = first.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await first.text()).toBe(id);
    expect(second.headers.get("x-request-id")).not.toBe(id);
  });

  it("copies a response whose headers are immutable instead of failing", async () => {
    const route = apiRoute(() => Response.redirect("http://localhost/login", 302));
    const response = await route(get({ "x-request-id": "r-1" }), {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost/login");
    expect(response.headers.get("x-request-id")).toBe("r-1");
  });

  it("has no id outside a wrapped handler", async () => {
    expect(await currentRequestId()).toBeUndefined();
  });
});
