import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, originOf, requestIdFrom } from "./security-headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  const csp = directives(
    contentSecurityPolicy({ nonce: "abc", tableauOrigin: "https://tableau.example.com" }),
  );

  it("names only the portal and the Tableau server for frames, scripts, connections and images", () => {
    expect(csp.get("frame-src")).toEqual(["'self'", "https://tableau.example.com"]);
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'", "https://tableau.example.com"]);
    expect(csp.get("connect-src")).toEqual(["'self'", "https://tableau.example.com"]);
    expect(csp.get("img-src")).toEqual(["'self'", "https://tableau.example.com"]);
  });

  it("forbids framing by others, plugins and base-URL changes", () => {
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
  });

  it("never allows inline scripts or eval in production", () => {
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
  });

  it("falls back to the portal alone when the Tableau server is not configured", () => {
    const bare = directives(contentSecurityPolicy({ nonce: "n", tableauOrigin: undefined }));
    expect(bare.get("frame-src")).toEqual(["'self'"]);
  });

  it("allows eval and the hot-reload socket only in development", () => {
    const dev = directives(contentSecurityPolicy({ nonce: "n", tableauOrigin: undefined, dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("connect-src")).toContain("ws:");
  });
});

describe("originOf", () => {
  it("keeps scheme, host and port only", () => {
    expect(originOf("http://localhost:8900")).toBe("http://localhost:8900");
    expect(originOf("https://10ay.online.tableau.com/")).toBe("https://10ay.online.tableau.com");
  });
  it("refuses what is not an http(s) URL", () => {
    expect(originOf("javascript:alert(1)")).toBeUndefined();
    expect(originOf("not a url")).toBeUndefined();
    expect(originOf(undefined)).toBeUndefined();
  });
});

describe("requestIdFrom", () => {
  it("keeps a well-formed caller id and replaces anything else", () => {
    expect(requestIdFrom("req-123_abc", () => "fresh")).toBe("req-123_abc");
    expect(requestIdFrom("bad id\nwith newline", () => "fresh")).toBe("fresh");
    expect(requestIdFrom("x".repeat(200), () => "fresh")).toBe("fresh");
    expect(requestIdFrom(null, () => "fresh")).toBe("fresh");
  });
});

describe("newNonce", () => {
  it("is fresh each time and CSP-safe base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(newNonce());
  });
});
