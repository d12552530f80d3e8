/**
 * The sign-in and the session as an attacker tries them, against a portal of this spec's own with the default
 * limits (5 failures per account, 20 attempts per address, per 15 minutes) and no trusted proxy. Each probe
 * connects from its own loopback address (127.0.0.N), so each is a distinct TCP peer, as separate attackers
 * would be; the portal sees through none of the forged headers.
 */
import { test as base, expect } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS, EMULATOR_URL } from "./demo-users";
import { LoginPage } from "./pages/login-page";
import { startPrivatePortal, type PrivatePortal } from "./private-portal";
import { cookiesOf, csrf, send, type RawAnswer } from "./raw-client";

const test = base.extend<object, { hostile: PrivatePortal }>({
  hostile: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form for fixtures
    async ({}, provide) => {
      const portal = await startPrivatePortal("hostile-portal", EMULATOR_URL, {
        VIZPORT_SIGNIN_FAILURES_PER_ACCOUNT: "5",
        VIZPORT_SIGNIN_ATTEMPTS_PER_ADDRESS: "20",
        VIZPORT_TRUSTED_PROXY_HOPS: "0",
      });
      await provide(portal);
      await portal.stop();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

type Outcome = "signed-in" | "refused" | "limited" | "other";

/** One credentials post straight to Auth.js's endpoint, CSRF token and all, from `from`. */
async function post(
  base: string,
  from: string,
  fields: Array<[string, string]>,
  format: "json" | "form",
  headers: Record<string, string> = {},
): Promise<{ outcome: Outcome; answer: RawAnswer }> {
  const { token, cookie } = await csrf(base, from);
  const all: Array<[string, string]> = [...fields, ["csrfToken", token], ["callbackUrl", "/"]];
  const body =
    format === "json"
      ? JSON.stringify(Object.fromEntries(all))
      : all.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
  const answer = await send(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    from,
    body,
    headers: {
      "content-type": format === "json" ? "application/json" : "application/x-www-form-urlencoded",
      cookie,
      ...headers,
    },
  });
  const signedIn = cookiesOf(answer).some((c) => /^authjs\.session-token=./.test(c));
  const outcome: Outcome = signedIn
    ? "signed-in"
    : answer.status === 429
      ? "limited"
      : answer.status === 302 && String(answer.headers.location).includes("error=CredentialsSignin")
        ? "refused"
        : "other";
  return { outcome, answer };
}

const credentials = (email: string, password: string): Array<[string, string]> => [
  ["email", email],
  ["password", password],
];

test.describe.configure({ mode: "serial" });

test("JSON bodies: 8 wrong passwords, then the right one, is refused with 429 and Retry-After", async ({
  hostile,
}) => {
  const from = "127.0.0.11";
  const outcomes: Outcome[] = [];
  for (let i = 0; i < 8; i++)
    outcomes.push(
      (await post(hostile.url, from, credentials(DEMO_USERS.bob.email, `wrong-${i}`), "json")).outcome,
    );
  expect(outcomes).toEqual([...Array(5).fill("refused"), ...Array(3).fill("limited")]);
  const right = await post(hostile.url, from, credentials(DEMO_USERS.bob.email, DEMO_PASSWORD), "json");
  expect(right.outcome).toBe("limited");
  expect(Number(right.answer.headers["retry-after"])).toBeGreaterThan(800);
  expect(JSON.parse(right.answer.body)).toEqual({
    error: { code: "RATE_LIMITED", message: "Too many sign-in attempts. Try again in 15 minutes." },
  });
});

test("a form with a decoy e-mail first and the victim's last: the victim's limit still applies", async ({
  hostile,
}) => {
  const from = "127.0.0.12";
  const twice = (password: string): Array<[string, string]> => [
    ["email", `decoy-${Math.random()}@example.com`],
    ["email", DEMO_USERS.carol.email],
    ["password", password],
  ];
  const outcomes: Outcome[] = [];
  for (let i = 0; i < 6; i++)
    outcomes.push((await post(hostile.url, from, twice(`wrong-${i}`), "form")).outcome);
  expect(outcomes).toEqual([...Array(5).fill("refused"), "limited"]);
  expect((await post(hostile.url, from, twice(DEMO_PASSWORD), "form")).outcome).toBe("limited");
  // The same account by the usual single field, from yet another address: locked too.
  const single = await post(
    hostile.url,
    "127.0.0.13",
    credentials(DEMO_USERS.carol.email, DEMO_PASSWORD),
    "form",
  );
  expect(single.outcome).toBe("limited");
});

test("20 concurrent wrong passwords: 5 reach the password check, 15 are refused by the limit", async ({
  hostile,
}) => {
  const outcomes = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      post(hostile.url, `127.0.1.${i + 1}`, credentials(DEMO_USERS.erin.email, `guess-${i}`), "form").then(
        (r) => r.outcome,
      ),
    ),
  );
  expect(outcomes.filter((o) => o === "refused")).toHaveLength(5);
  expect(outcomes.filter((o) => o === "limited")).toHaveLength(15);
  const right = await post(
    hostile.url,
    "127.0.1.99",
    credentials(DEMO_USERS.erin.email, DEMO_PASSWORD),
    "json",
  );
  expect(right.outcome).toBe("limited");
});

test("30 sign-ins, each with a made-up X-Forwarded-For, meet the per-address limit", async ({ hostile }) => {
  const from = "127.0.0.14";
  const outcomes: Outcome[] = [];
  for (let i = 0; i < 30; i++) {
    const forged = { "x-forwarded-for": `198.51.100.${i}`, "x-real-ip": `198.51.100.${i}` };
    const email = `spray-${i}@example.com`;
    outcomes.push((await post(hostile.url, from, credentials(email, "Spring2026!"), "form", forged)).outcome);
  }
  expect(outcomes.slice(0, 20).every((o) => o === "refused")).toBe(true);
  expect(outcomes.slice(20).every((o) => o === "limited")).toBe(true);
  // A real account's right password from that address waits too; another address is not held back.
  expect(
    (await post(hostile.url, from, credentials(DEMO_USERS.alice.email, DEMO_PASSWORD), "form")).outcome,
  ).toBe("limited");
  expect(
    (await post(hostile.url, "127.0.0.15", credentials(DEMO_USERS.dave.email, DEMO_PASSWORD), "form"))
      .outcome,
  ).toBe("signed-in");
});

test("a copy of the session cookie stops working at sign-out: pages, route handlers and actions", async ({
  hostile,
  browser,
}) => {
  const context = await browser.newContext({ baseURL: hostile.url });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(DEMO_USERS.alice.email, DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // A server action call as the page makes it (the admin list's Refresh), to replay later.
  await page.goto("/admin/workbooks");
  const actionCall = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByTestId("refresh").click();
  const action = await actionCall;
  const replay = async (cookie: string) =>
    send(action.url(), {
      method: "POST",
      from: "127.0.0.16",
      body: action.postData() ?? "",
      headers: { ...action.headers(), cookie },
    });

  const copied = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(copied).toBeDefined();
  const cookie = `authjs.session-token=${copied?.value}`;
  expect((await replay(cookie)).body).toContain("Superstore");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);

  const pageAnswer = await send(`${hostile.url}/`, { from: "127.0.0.16", headers: { cookie } });
  expect(pageAnswer.status).toBe(307);
  expect(pageAnswer.headers.location).toContain("/login");
  const token = await send(`${hostile.url}/api/tableau/token`, {
    method: "POST",
    from: "127.0.0.16",
    headers: { cookie },
  });
  expect(token.status).toBe(401);
  const replayed = await replay(cookie);
  expect(replayed.body).toContain("Sign in to list workbooks.");
  expect(replayed.body).not.toContain("Superstore");
  await context.close();
});

test("on HTTPS, the HTTP session cookie's name is not read (no session fixation)", async ({ hostile }) => {
  const from = "127.0.0.17";
  const signedIn = await post(hostile.url, from, credentials(DEMO_USERS.dave.email, DEMO_PASSWORD), "form");
  expect(signedIn.outcome).toBe("signed-in");
  const cookie = cookiesOf(signedIn.answer).find((c) => c.startsWith("authjs.session-token=")) ?? "";
  const tokenRoute = (headers: Record<string, string>) =>
    send(`${hostile.url}/api/tableau/token`, { method: "POST", from, headers: { cookie, ...headers } });
  // Over HTTP the cookie is dave's session (403: signed in, but dave has no Tableau user).
  expect((await tokenRoute({})).status).toBe(403);
  // Behind HTTPS (as a TLS proxy says), the same cookie is nobody's.
  expect((await tokenRoute({ "x-forwarded-proto": "https" })).status).toBe(401);
  const home = await send(`${hostile.url}/`, { from, headers: { cookie, "x-forwarded-proto": "https" } });
  expect(home.status).toBe(307);
  expect(home.headers.location).toContain("/login");
});
