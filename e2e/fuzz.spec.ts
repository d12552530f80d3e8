/**
 * Malformed and oversized input to every route handler and to the login server action, anonymous and signed
 * in: each answered with the status it names (never a 5xx), never a stack trace or a file path in the answer.
 * Oversized bodies are refused with 413.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";

const BASE = PORTAL_URLS.server;
const BIG = "x".repeat(200_000);
// A stack frame ("    at fn (file:1:2)"), a source path, or the build's internals.
const LEAK =
  /\n\s+at \S|\bat [^\s]+ \(|\.(?:ts|tsx|js|mjs):\d+:\d+|node_modules|webpack-internal|\/_next\/server|\/home\/|\/work\//;

type Probe = {
  name: string;
  send: (request: APIRequestContext) => Promise<APIResponse>;
  /** The status an anonymous caller gets, and a signed-in one where it differs. */
  anonymous: number;
  signedIn?: number;
};

const json = (body: string) => ({ data: body, headers: { "content-type": "application/json" } });

const probes: Probe[] = [
  // Token route.
  { name: "token GET", send: (r) => r.get("/api/tableau/token"), anonymous: 405 },
  { name: "token PUT", send: (r) => r.put("/api/tableau/token", json("{}")), anonymous: 405 },
  {
    name: "token garbage JSON",
    send: (r) => r.post("/api/tableau/token", json("{not json")),
    anonymous: 401,
    signedIn: 200,
  },
  {
    name: "token asks for another user",
    send: (r) => r.post("/api/tableau/token", json('{"sub":"alice"}')),
    anonymous: 401,
    signedIn: 200,
  },
  {
    name: "token binary",
    send: (r) => r.post("/api/tableau/token", { data: Buffer.from([0xff, 0xfe, 0, 1]) }),
    anonymous: 401,
    signedIn: 200,
  },
  { name: "token oversized", send: (r) => r.post("/api/tableau/token", json(`"${BIG}"`)), anonymous: 413 },
  {
    name: "token cross-site",
    send: (r) => r.post("/api/tableau/token", { headers: { origin: "https://evil.example" } }),
    anonymous: 403,
  },
  // Thumbnails.
  {
    name: "thumbnail bad chars",
    send: (r) => r.get("/api/thumbnails/bad!id/x"),
    anonymous: 401,
    signedIn: 400,
  },
  { name: "thumbnail bad escape", send: (r) => r.get("/api/thumbnails/%E0%A4%A/%ZZ"), anonymous: 400 },
  { name: "thumbnail NUL", send: (r) => r.get("/api/thumbnails/%00/%00"), anonymous: 401, signedIn: 400 },
  {
    name: "thumbnail traversal",
    send: (r) => r.get("/api/thumbnails/..%2F..%2Fetc/passwd"),
    anonymous: 401,
    signedIn: 400,
  },
  {
    name: "thumbnail long id",
    send: (r) => r.get(`/api/thumbnails/${"a".repeat(5000)}/b`),
    anonymous: 401,
    signedIn: 400,
  },
  {
    name: "thumbnail unknown ids",
    send: (r) => r.get("/api/thumbnails/0000/1111"),
    anonymous: 401,
    signedIn: 404,
  },
  { name: "thumbnail POST", send: (r) => r.post("/api/thumbnails/a/b", json(`"${BIG}"`)), anonymous: 405 },
  // Health and readiness.
  { name: "health odd query", send: (r) => r.get("/api/health?%ZZ=%00&a[]=1"), anonymous: 200 },
  { name: "health POST", send: (r) => r.post("/api/health", json(`"${BIG}"`)), anonymous: 405 },
  { name: "ready odd query", send: (r) => r.get("/api/ready?x=%00"), anonymous: 200 },
  { name: "ready DELETE", send: (r) => r.delete("/api/ready"), anonymous: 405 },
  // Auth.js endpoints.
  {
    name: "auth callback empty",
    send: (r) => r.post("/api/auth/callback/credentials", { maxRedirects: 0 }),
    anonymous: 302,
  },
  {
    name: "auth callback malformed form",
    send: (r) =>
      r.post("/api/auth/callback/credentials", {
        data: "email=%ZZ&password=%&&&=",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        maxRedirects: 0,
      }),
    anonymous: 302,
  },
  {
    name: "auth callback JSON",
    send: (r) => r.post("/api/auth/callback/credentials", { ...json('{"email":[1]}'), maxRedirects: 0 }),
    anonymous: 302,
  },
  {
    name: "auth callback oversized",
    send: (r) =>
      r.post("/api/auth/callback/credentials", {
        form: { email: "a@example.com", password: BIG },
        maxRedirects: 0,
      }),
    anonymous: 413,
  },
  {
    name: "auth unknown provider",
    send: (r) => r.get("/api/auth/signin/nope", { maxRedirects: 0 }),
    anonymous: 302,
  },
  {
    name: "auth malformed action",
    send: (r) => r.post("/api/auth/%ZZ", { maxRedirects: 0 }),
    anonymous: 400,
  },
  { name: "auth unknown action", send: (r) => r.post("/api/auth/nope", { maxRedirects: 0 }), anonymous: 400 },
  {
    name: "auth session forged cookie",
    send: (r) => r.get("/api/auth/session", { headers: { cookie: "authjs.session-token=eyJ.not.a.jwe" } }),
    anonymous: 200,
  },
];

async function expectNoLeak(name: string, answer: APIResponse, status?: number): Promise<void> {
  if (status === undefined) expect(answer.status(), `${name}: status`).toBeLessThan(500);
  else expect(answer.status(), `${name}: status`).toBe(status);
  const body = await answer.text();
  expect(body, `${name}: body leaks internals`).not.toMatch(LEAK);
  expect(body, `${name}: body names a secret`).not.toMatch(
    /AUTH_SECRET|TABLEAU_CA_SECRET_VALUE|vizport-emulator-demo-secret/,
  );
}

test.describe("fuzz: route handlers", () => {
  test("anonymous callers get the status each probe names, never a 5xx or a stack trace", async ({
    playwright,
  }) => {
    const request = await playwright.request.newContext({ baseURL: BASE });
    for (const probe of probes) await expectNoLeak(probe.name, await probe.send(request), probe.anonymous);
    await request.dispose();
  });

  test("signed-in callers too; oversized bodies are refused with 413", async ({ page, signIn }) => {
    await signIn(page, "alice");
    const request = page.request;
    for (const probe of probes) {
      const answer = await probe.send(request);
      await expectNoLeak(probe.name, answer, probe.signedIn ?? probe.anonymous);
    }
    const authOversized = await request.post(`${BASE}/api/auth/callback/credentials`, {
      form: { email: DEMO_USERS.alice.email, password: BIG },
      maxRedirects: 0,
    });
    expect(authOversized.status()).toBe(413);
    const oversized = await request.post(`${BASE}/api/tableau/token`, json(`"${BIG}"`));
    expect(oversized.status()).toBe(413);
    expect((await oversized.json()) as unknown).toEqual({
      error: { code: "BODY_TOO_LARGE", message: "The request body is larger than 4096 bytes." },
    });
  });
});

test.describe("fuzz: the login server action", () => {
  /** The login form's action id and the fields React puts next to it, read from the page. */
  async function actionFields(request: APIRequestContext): Promise<Record<string, string>> {
    const html = await (await request.get(`${BASE}/login`)).text();
    const fields: Record<string, string> = {};
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
      fields[match[1] ?? ""] = (match[2] ?? "").replaceAll("&quot;", '"');
    }
    expect(Object.keys(fields).some((name) => name.startsWith("$ACTION_"))).toBe(true);
    return fields;
  }

  test("malformed, oversized and forged posts get no 5xx and no stack trace", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: BASE });
    const fields = await actionFields(request);
    const cases: Array<[string, Record<string, string>, Record<string, string>?]> = [
      ["no fields", {}],
      ["only the action", fields],
      ["huge e-mail", { ...fields, email: "a".repeat(10_000), password: "x" }],
      ["oversized password", { ...fields, email: DEMO_USERS.bob.email, password: BIG }],
      ["array e-mail", { ...fields, "email[]": "x", password: DEMO_PASSWORD }],
      [
        "off-site callback",
        { ...fields, email: "x@example.com", password: "x", callbackUrl: "//evil.example" },
      ],
      ["forged action id", { email: "x@example.com", password: "x" }, { "next-action": "0".repeat(42) }],
      ["garbage action header", { email: "x" }, { "next-action": "../../etc/passwd%00" }],
    ];
    for (const [name, form, headers] of cases) {
      const answer = await request.post("/login", { multipart: form, headers, maxRedirects: 0 });
      await expectNoLeak(`action: ${name}`, answer);
    }
    const garbage = await request.post("/login", {
      data: "\u0000\u0001 not multipart",
      headers: { "content-type": "multipart/form-data; boundary=zzz", "next-action": "abc" },
      maxRedirects: 0,
    });
    await expectNoLeak("action: broken multipart", garbage);
    const oversized = await request.post("/login", {
      multipart: { ...fields, email: DEMO_USERS.bob.email, password: BIG },
      maxRedirects: 0,
    });
    expect(oversized.status()).toBe(413);
    await request.dispose();
  });
});
