import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authorizationUrl, Browser, formAction, pkcePair } from "@/test/oidc-flow";
import { startOidcProvider, type RunningOidcProvider } from "./server";

const CLIENT = { clientId: "vizport-test", clientSecret: "a-test-client-secret-0123" };
const REDIRECT = "http://localhost:9/api/auth/callback/oidc";
const AFTER_LOGOUT = "http://localhost:9/login";

let op: RunningOidcProvider;
beforeAll(async () => {
  op = await startOidcProvider({
    port: 0,
    ...CLIENT,
    redirectUris: [REDIRECT],
    postLogoutRedirectUris: [AFTER_LOGOUT],
  });
});
afterAll(() => op.close());
beforeEach(() => control("/__control/reset", {}));

function control(path: string, body: unknown, contentType = "application/json") {
  return fetch(new URL(path, op.issuer), {
    method: "POST",
    headers: { "content-type": contentType },
    body: JSON.stringify(body),
  });
}

/** Drives login and consent pages until the provider redirects to the client; returns that redirect. */
async function signIn(browser: Browser, login: string, decision = "allow", verifier = pkcePair()) {
  const request = { clientId: CLIENT.clientId, redirectUri: REDIRECT };
  let step = await browser.follow(
    await browser.get(authorizationUrl(op.issuer, request, verifier.challenge)),
    op.issuer,
  );
  const pages: string[] = [];
  while (!(step instanceof URL)) {
    const html = await step.text();
    const action = new URL(formAction(html), op.issuer).href;
    if (html.includes('name="login"')) {
      pages.push("login");
      step = await browser.follow(await browser.post(action, { login }), op.issuer);
    } else if (html.includes('name="decision"')) {
      pages.push("consent");
      step = await browser.follow(await browser.post(action, { decision }), op.issuer);
    } else throw new Error(`unexpected page: ${html.slice(0, 300)}`);
  }
  return { redirect: step, pages, verifier: verifier.verifier };
}

async function exchange(code: string, verifier: string) {
  const response = await fetch(new URL("/token", op.issuer), {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function userinfo(accessToken: string) {
  const response = await fetch(new URL("/me", op.issuer), {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function tokensFor(login: string) {
  const { redirect, verifier } = await signIn(new Browser(), login);
  const tokens = await exchange(redirect.searchParams.get("code") ?? "", verifier);
  expect(tokens.status).toBe(200);
  return tokens.body;
}

describe("local OpenID Connect provider", () => {
  it("publishes discovery with the exact issuer, PKCE S256 and an end-session endpoint", async () => {
    const response = await fetch(new URL("/.well-known/openid-configuration", op.issuer));
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(op.issuer);
    expect(op.issuer).toMatch(/^http:\/\/localhost:\d+$/);
    expect(discovery.code_challenge_methods_supported).toEqual(["S256"]);
    expect(discovery.end_session_endpoint).toBe(`${op.issuer}/session/end`);
    expect(discovery.userinfo_endpoint).toBe(`${op.issuer}/me`);
    expect(discovery.scopes_supported).toEqual(["openid", "email", "profile", "groups", "offline_access"]);
  });

  it("runs the code flow with PKCE through its login and consent forms; claims come from userinfo", async () => {
    const browser = new Browser();
    const { redirect, pages, verifier } = await signIn(browser, "bob");
    expect(pages).toEqual(["login", "consent"]);
    expect(`${redirect.origin}${redirect.pathname}`).toBe(REDIRECT);
    expect(redirect.searchParams.get("state")).toBe("state-1");
    expect(redirect.searchParams.get("iss")).toBe(op.issuer);
    // Its cookies must not meet the portal's (authjs.*) or the emulator's on the shared localhost jar.
    const names = [...browser.jar.cookies.keys()];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^vizport_op_/);

    const tokens = await exchange(redirect.searchParams.get("code") ?? "", verifier);
    expect(tokens.status).toBe(200);
    const jwks = createRemoteJWKSet(new URL("/jwks", op.issuer));
    const { payload } = await jwtVerify(tokens.body.id_token ?? "", jwks, {
      issuer: op.issuer,
      audience: CLIENT.clientId,
    });
    expect(payload).toMatchObject({ sub: "8f41d2e7-demo-bob", nonce: "nonce-1" });
    expect(payload.email).toBeUndefined();
    expect(await userinfo(tokens.body.access_token ?? "")).toEqual({
      sub: "8f41d2e7-demo-bob",
      email: "bob@corp.example",
      email_verified: true,
      name: "Bob Viewer",
      preferred_username: "bob",
      groups: ["sales"],
      region: "West",
    });
  });

  it("refuses an authorization request without PKCE, and a code with the wrong verifier", async () => {
    const browser = new Browser();
    const noPkce = await browser.get(
      authorizationUrl(op.issuer, { clientId: CLIENT.clientId, redirectUri: REDIRECT }),
    );
    const location = new URL(noPkce.headers.get("location") ?? "", op.issuer);
    expect(location.searchParams.get("error")).toBe("invalid_request");
    expect(location.searchParams.get("error_description")).toMatch(/PKCE/);

    const { redirect } = await signIn(new Browser(), "carol");
    const tokens = await exchange(redirect.searchParams.get("code") ?? "", pkcePair().verifier);
    expect(tokens.status).toBe(400);
    expect(tokens.body.error).toBe("invalid_grant");
  });

  it("sends access_denied to the client when the person clicks Deny", async () => {
    const { redirect, pages } = await signIn(new Browser(), "alice", "deny");
    expect(pages).toEqual(["login", "consent"]);
    expect(redirect.searchParams.get("error")).toBe("access_denied");
    expect(redirect.searchParams.get("state")).toBe("state-1");
    expect(redirect.searchParams.get("code")).toBeNull();
  });

  it("changes a person's claims through the control endpoint: the next sign-in sees them", async () => {
    const changed = await control("/__control/people/bob", { groups: ["vizport-admins"], region: null });
    expect(changed.status).toBe(200);
    const claims = await userinfo((await tokensFor("bob")).access_token ?? "");
    expect(claims.groups).toEqual(["vizport-admins"]);
    expect(claims.region).toBeUndefined();

    await control("/__control/reset", {});
    expect((await userinfo((await tokensFor("bob")).access_token ?? "")).groups).toEqual(["sales"]);
  });

  it("refuses control calls that are not JSON, change sub, or add a claim no scope releases", async () => {
    const notJson = await control("/__control/people/bob", { groups: [] }, "text/plain");
    expect(notJson.status).toBe(415);
    const sub = await control("/__control/people/bob", { sub: "someone-else" });
    expect(sub.status).toBe(400);
    const unreleased = await control("/__control/people/bob", { salary: 1 });
    expect(unreleased.status).toBe(400);
    expect(((await unreleased.json()) as { error: { message: string } }).error.message).toContain('"salary"');
    const badLogin = await control("/__control/people/%E0%A4%A", {});
    expect(badLogin.status).toBe(400);
  });

  it("switches endpoints off to play an outage: a 503, a dropped connection or no answer", async () => {
    const discovery = new URL("/.well-known/openid-configuration", op.issuer);
    await control("/__control/outage", { endpoints: ["discovery", "token"] });
    expect((await fetch(discovery)).status).toBe(503);
    await control("/__control/outage", { endpoints: ["discovery"], mode: "reset" });
    await expect(fetch(discovery)).rejects.toThrow("fetch failed");
    await control("/__control/outage", { endpoints: ["discovery"], mode: "hang" });
    await expect(fetch(discovery, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout/);
    expect((await fetch(new URL("/jwks", op.issuer))).status).toBe(200);
    await control("/__control/outage", { endpoints: [] });
    expect((await fetch(discovery)).status).toBe(200);
  });

  it("ends its session on RP-initiated logout and sends the person back to the portal", async () => {
    const browser = new Browser();
    const first = await signIn(browser, "carol");
    const tokens = await exchange(first.redirect.searchParams.get("code") ?? "", first.verifier);
    // Signed in and consented: a second sign-in passes without any page.
    expect((await signIn(browser, "carol")).pages).toEqual([]);

    const end = new URL("/session/end", op.issuer);
    end.searchParams.set("id_token_hint", tokens.body.id_token ?? "");
    end.searchParams.set("post_logout_redirect_uri", AFTER_LOGOUT);
    end.searchParams.set("state", "bye");
    const confirm = await browser.get(end.href);
    const html = await confirm.text();
    expect(html).toContain("Yes, sign me out");
    expect(html).toMatch(/<script nonce="[^"]+">document\.querySelector/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const done = await browser.post(new URL(formAction(html), op.issuer).href, { xsrf, logout: "yes" });
    expect(done.headers.get("location")).toBe(`${AFTER_LOGOUT}?state=bye`);

    expect((await signIn(browser, "carol")).pages).toEqual(["login", "consent"]);
  });
});
