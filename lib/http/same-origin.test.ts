import { describe, expect, it } from "vitest";
import { isCrossSite } from "./same-origin";

const request = (headers: Record<string, string>) =>
  new Request("http://localhost:3100/api/tableau/token", {
    method: "POST",
    headers: { host: "localhost:3100", ...headers },
  });

describe("isCrossSite", () => {
  it("accepts the portal's own pages and non-browser clients", () => {
    expect(isCrossSite(request({ origin: "http://localhost:3100", "sec-fetch-site": "same-origin" }))).toBe(
      false,
    );
    expect(isCrossSite(request({}))).toBe(false);
  });

  it("follows the forwarded host and scheme behind a reverse proxy", () => {
    const proxied = request({
      origin: "https://portal.example.com",
      "x-forwarded-host": "portal.example.com",
      "x-forwarded-proto": "https",
    });
    expect(isCrossSite(proxied)).toBe(false);
  });

  it.each([
    [{ origin: "http://evil.example" }],
    [{ origin: "http://localhost:8910" }],
    [{ origin: "null" }],
    [{ "sec-fetch-site": "cross-site" }],
    [{ "sec-fetch-site": "same-site" }],
    [{ origin: "http://localhost:3100", "sec-fetch-site": "same-site" }],
  ])("refuses %j", (headers) => {
    expect(isCrossSite(request(headers))).toBe(true);
  });
});
