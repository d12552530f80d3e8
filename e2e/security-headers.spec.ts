/**
 * Security headers as a browser sees them: every kind of response carries them, the CSP names only the portal
 * and the configured Tableau server (the e2e emulator), and a view page in both embedding-library modes loads
 * its viz with no CSP violation reported (console or `securitypolicyviolation` events, also inside frames).
 */
import type { Page } from "@playwright/test";
import { EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";
import { VizPage } from "./viz-page";

const VIEW = "/views/Superstore/SalesbyRegion";

function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((part) => {
      const [name = "", ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

/** Collects CSP complaints the page or its frames report from now on. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|frame|connect)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  await page.exposeFunction("__reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __reportCspViolation?: (text: string) => void })
        .__reportCspViolation;
      report?.(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages, redirects, route handlers and assets carry them; the CSP names only portal and Tableau", async ({
    request,
  }) => {
    const login = await request.get(`${PORTAL_URLS.server}/login`);
    const html = await login.text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeDefined();
    const answers = [
      login,
      await request.get(`${PORTAL_URLS.server}/`, { maxRedirects: 0 }),
      await request.get(`${PORTAL_URLS.server}/api/health`),
      await request.post(`${PORTAL_URLS.server}/api/tableau/token`),
      await request.get(`${PORTAL_URLS.server}${asset ?? ""}`),
      await request.get(`${PORTAL_URLS.server}/api/no-such-route`),
    ];
    for (const answer of answers) {
      const headers = answer.headers();
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-powered-by"]).toBeUndefined();
    }
    expect(answers[1]?.status()).toBe(307);
    // Route handlers skip the proxy: a static policy that allows nothing to run, even on a 404.
    expect(answers[5]?.status()).toBe(404);
    for (const api of [answers[2], answers[3], answers[5]]) {
      expect(api?.headers()["content-security-policy"]).toMatch(
        /^default-src 'none';.*frame-ancestors 'none'/,
      );
    }

    const csp = cspDirectives(login.headers()["content-security-policy"] ?? "");
    for (const directive of ["frame-src", "connect-src", "img-src"]) {
      expect(csp.get(directive), directive).toEqual(["'self'", EMULATOR_URL]);
    }
    const scripts = csp.get("script-src") ?? [];
    expect(scripts.filter((source) => !source.startsWith("'nonce-"))).toEqual(["'self'", EMULATOR_URL]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);

    // The nonce is fresh per response and is the one on Next's own scripts.
    const nonce = scripts.find((source) => source.startsWith("'nonce-"))?.slice(7, -1) ?? "";
    expect(html).toContain(`nonce="${nonce}"`);
    const again = await request.get(`${PORTAL_URLS.server}/login`);
    expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
  });

  test("behind HTTPS (a proxy's X-Forwarded-Proto), Auth.js's cookies are Secure and __Host-/__Secure- prefixed", async ({
    request,
  }) => {
    const https = await request.get(`${PORTAL_URLS.server}/api/auth/csrf`, {
      headers: { "x-forwarded-proto": "https" },
    });
    const secureCookies = https.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
    expect(secureCookies.length).toBeGreaterThan(0);
    for (const { value } of secureCookies) {
      expect(value).toMatch(/^__(Host|Secure)-authjs\./);
      expect(value).toMatch(/;\s*Secure/i);
    }
    const http = await request.get(`${PORTAL_URLS.server}/api/auth/csrf`);
    const plain = http.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
    for (const { value } of plain) expect(value).not.toMatch(/;\s*Secure/i);
  });

  test("the 404 page's scripts carry the response's nonce, so the policy lets them run", async ({
    page,
    signIn,
  }) => {
    await signIn(page, "carol");
    const answer = await page.request.get(`${PORTAL_URLS.server}/no/such/page`);
    expect(answer.status()).toBe(404);
    const nonce = /'nonce-([^']+)'/.exec(answer.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeDefined();
    const scripts = [...(await answer.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
  });

  test("a caller's request id is echoed, a malformed one replaced", async ({ request }) => {
    const kept = await request.get(`${PORTAL_URLS.server}/api/health`, {
      headers: { "x-request-id": "abc-123" },
    });
    expect(kept.headers()["x-request-id"]).toBe("abc-123");
    const replaced = await request.get(`${PORTAL_URLS.server}/api/health`, {
      headers: { "x-request-id": "<script>" },
    });
    expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

for (const [mode, baseURL] of [
  ["server", PORTAL_URLS.server],
  ["bundled", PORTAL_URLS.bundled],
] as const) {
  test.describe(`CSP on a view page, ${mode} library`, () => {
    test.use({ baseURL });

    test("the viz loads with no CSP violation", async ({ page, signIn }) => {
      const violations = await watchCsp(page);
      await signIn(page, "carol");
      const viz = new VizPage(page);
      await viz.open(VIEW);
      if (mode === "server") await viz.expectInteractive("Sales by Region");
      else await viz.expectViewShown("Sales by Region");
      await viz.expectRegions(["East"]);
      expect(violations).toEqual([]);

      // The watcher does see violations: an injected inline script without the nonce is refused.
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.append(script);
      });
      await expect.poll(() => violations.length).toBeGreaterThan(0);
      expect(await page.evaluate(() => "__injected" in window)).toBe(false);
    });
  });
}
