import { decodeJwt, decodeProtectedHeader } from "jose";
import { DEMO_USERS, EMULATOR_URL, expect, PORTAL_URLS, test } from "./fixtures";

const TOKEN_PATH = "/api/tableau/token";

test.describe("POST /api/tableau/token", () => {
  test("answers 401 JSON without a session", async ({ request }) => {
    const response = await request.post(TOKEN_PATH);
    expect(response.status()).toBe(401);
    expect(response.headers()["cache-control"]).toBe("no-store, no-transform");
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: expect.any(String) },
    });
  });

  test("answers 403 JSON for a user with no Tableau mapping", async ({ page, signIn }) => {
    await signIn(page, "dave");
    const response = await page.request.post(TOKEN_PATH);
    expect(response.status()).toBe(403);
    const body = await response.json();
    expect(body.error.code).toBe("NO_TABLEAU_MAPPING");
    expect(body.error.message).toContain("dave@example.com");
    expect(body).not.toHaveProperty("token");
  });

  test("refuses a cross-site request even with a valid session", async ({ page, signIn }) => {
    await signIn(page, "bob");
    const cases: Record<string, string>[] = [
      { Origin: "http://evil.example" },
      { Origin: EMULATOR_URL },
      { "Sec-Fetch-Site": "cross-site" },
    ];
    for (const headers of cases) {
      const response = await page.request.post(TOKEN_PATH, { headers });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error.code).toBe("CROSS_SITE");
    }
  });

  test("mints a token from the portal's own page, whatever the body asks for", async ({ page, signIn }) => {
    await signIn(page, "carol");
    // A real browser fetch: Origin and Sec-Fetch-Site are the browser's own.
    const result = await page.evaluate(async (path) => {
      const response = await fetch(path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          sub: "alice@example.com",
          scopes: ["tableau:content:read"],
          lifetimeSeconds: 3600,
        }),
      });
      return {
        status: response.status,
        cacheControl: response.headers.get("cache-control"),
        contentEncoding: response.headers.get("content-encoding"),
        body: await response.json(),
      };
    }, TOKEN_PATH);
    expect(result.status).toBe(200);
    // Never compressed, though the browser asks for gzip: a credential in a compressed answer leaks by its size.
    expect(result.cacheControl).toBe("no-store, no-transform");
    expect(result.contentEncoding).toBeNull();
    const claims = decodeJwt(result.body.token);
    expect(claims.sub).toBe("carol@example.com");
    expect(claims.scp).toEqual(["tableau:views:embed"]);
    expect(claims.Region).toBe("East");
    expect(claims.aud).toBe("tableau");
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(305);
    expect(new Date(result.body.expiresAt).getTime()).toBe((claims.exp ?? 0) * 1000);
    expect(decodeProtectedHeader(result.body.token)).toMatchObject({ alg: "HS256", typ: "JWT" });
  });

  test("the token signs bob in to the emulator's embedding with his attributes", async ({ page, signIn }) => {
    await signIn(page, "bob");
    const response = await page.request.post(TOKEN_PATH);
    expect(response.status()).toBe(200);
    const { token } = (await response.json()) as { token: string; expiresAt: string };
    const jti = decodeJwt(token).jti;

    const signin = await page.request.post(`${EMULATOR_URL}/vizportal/api/web/v1/auth/embed/signin`, {
      headers: { Origin: PORTAL_URLS.server },
      data: { siteName: "vizport-demo", jwt: token },
    });
    expect(signin.status()).toBe(200);

    const { signins } = (await (await page.request.get(`${EMULATOR_URL}/__emulator/signins`)).json()) as {
      signins: Array<Record<string, unknown>>;
    };
    const mine = signins.find((record) => record.jti === jti);
    expect(mine).toMatchObject({
      kind: "embed",
      outcome: "ok",
      user: DEMO_USERS.bob.tableauUser,
      attributes: { Region: "West" },
      origin: PORTAL_URLS.server,
    });
  });
});
