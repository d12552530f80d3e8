/**
 * Nothing secret reaches a browser: every file of the build's client assets (.next/static, the build the e2e
 * portals serve) and the HTML of the main pages, anonymous and signed in, in both library modes, are searched
 * for the Connected App secret values and the session secret (anywhere), and for the server-only variables'
 * names used as code: `process.env.NAME`, `env["NAME"]`, an object key `{NAME:` or a bare string "NAME", which is
 * how a server module or the env schema pulled into a client bundle would show. The names may appear in prose:
 * the viz's advice to admins says which setting to fix ("Check that TABLEAU_CA_SECRET_ID and …"), which
 * e2e/viz-errors.spec.ts expects. Nor may any of it hold a JWT or a Tableau REST session token, with one
 * exception: a view page carries one embed token (the viz's, minted by the server render), which must be the
 * signed-in user's and carry only the embed scope (e2e/viz-page-token.spec.ts follows it).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeJwt } from "jose";
import { envSchema } from "../lib/env-schema";
import { mintConnectedAppToken } from "../lib/tableau/jwt";
import { demoEnv } from "../scripts/demo-env";
import { DEMO_USERS, expect, PORTAL_URLS, test } from "./fixtures";
import { E2E_AUTH_SECRET, WRONG_SECRET_VALUE } from "./servers";

const SECRET_VALUE = demoEnv().TABLEAU_CA_SECRET_VALUE ?? "";
if (SECRET_VALUE.length < 16) throw new Error("the demo Connected App secret value is missing");
const VALUES = [SECRET_VALUE, WRONG_SECRET_VALUE, E2E_AUTH_SECRET];
// Every variable the server reads: none may be read, or even named as a key, by code the browser gets.
const NAMES = Object.keys(envSchema.shape);
if (!NAMES.includes("TABLEAU_CA_SECRET_VALUE")) throw new Error("the environment schema lost its secret");
const asCode = (name: string) =>
  new RegExp(
    `(?:process\\.env|\\benv)\\s*(?:\\.\\s*${name}|\\[\\s*["'\`]${name})|[{,]\\s*["']?${name}["']?\\s*:|["'\`]${name}["'\`]`,
  );

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{8,}/g;
// Tableau's REST session tokens (the emulator's have the same look): three `|`-separated parts.
const REST_TOKEN = /[A-Za-z0-9_-]{16,}\|[A-Za-z0-9_-]{24,}\|[0-9a-f-]{36}/;
const EMBED_SCOPES = ["tableau:views:embed"];

/** What is wrong with a text's JWTs: none allowed, or at most one embed token for `embedTokenFor`. */
function tokenFindings(text: string, embedTokenFor?: string): string[] {
  const tokens = [...new Set(text.match(JWT) ?? [])];
  if (!embedTokenFor) return tokens.map(() => "a JWT");
  if (tokens.length > 1) return [`${tokens.length} different JWTs`];
  return tokens.flatMap((token) => {
    let claims: ReturnType<typeof decodeJwt>;
    try {
      claims = decodeJwt(token);
    } catch {
      return ["a JWT-shaped string that is no JWT"];
    }
    return [
      ...(claims.sub === embedTokenFor ? [] : ["a JWT for another Tableau user"]),
      ...(JSON.stringify(claims.scp) === JSON.stringify(EMBED_SCOPES) ? [] : ["a JWT with other scopes"]),
    ];
  });
}

function found(text: string, embedTokenFor?: string): string[] {
  return [
    ...VALUES.filter((value) => text.includes(value)),
    ...NAMES.filter((name) => asCode(name).test(text)).map((name) => `${name} used as code`),
    ...(REST_TOKEN.test(text) ? ["a REST session token"] : []),
    ...tokenFindings(text, embedTokenFor),
  ];
}

test("the scan itself catches what it looks for", () => {
  expect(found(`const s = process.env.TABLEAU_CA_SECRET_VALUE;`)).toEqual([
    "TABLEAU_CA_SECRET_VALUE used as code",
  ]);
  expect(found(`z.object({TABLEAU_CA_SECRET_ID:r("x"),AUTH_SECRET:r("y")})`)).toHaveLength(2);
  expect(found(`e["AUTH_SECRET"]`)).toEqual(["AUTH_SECRET used as code"]);
  expect(found(`x=${JSON.stringify(SECRET_VALUE)}`)).toEqual([SECRET_VALUE]);
  expect(
    found("Check that TABLEAU_CA_SECRET_ID and TABLEAU_CA_SECRET_VALUE are a secret of the app"),
  ).toEqual([]);
  expect(
    found(`X-Tableau-Auth: aGVsbG8td29ybGQtMTIzNA|c2Vzc2lvbi10b2tlbi1wYXJ0LXR3by1sb25n|${"0".repeat(36)}`),
  ).toEqual(["a REST session token"]);
});

test("the scan allows one embed token for the signed-in user on a view page, and nothing more", async () => {
  const app = {
    clientId: "scan-test",
    secretId: "scan-test",
    secretValue: "not-a-real-secret-just-for-this-test",
  };
  const mint = async (sub: string, scopes: string[]) =>
    (await mintConnectedAppToken(app, { sub, scopes, lifetimeSeconds: 60 })).token;
  const embed = await mint("alice@example.com", EMBED_SCOPES);
  const other = await mint("alice@example.com", EMBED_SCOPES);
  expect(found(`<tableau-viz token="${embed}"></tableau-viz>${embed}`, "alice@example.com")).toEqual([]);
  expect(found(`<tableau-viz token="${embed}">`)).toEqual(["a JWT"]);
  expect(found(`${embed} ${other}`, "alice@example.com")).toEqual(["2 different JWTs"]);
  expect(found(embed, "bob@example.com")).toEqual(["a JWT for another Tableau user"]);
  expect(found(await mint("alice@example.com", ["tableau:content:read"]), "alice@example.com")).toEqual([
    "a JWT with other scopes",
  ]);
});

test("no client asset of the build contains a secret or a server-only variable name", () => {
  const files = filesUnder(join(process.cwd(), ".next", "static"));
  expect(files.length).toBeGreaterThan(10);
  expect(files.some((file) => file.endsWith(".js"))).toBe(true);
  const hits = files
    .map((file) => ({ file, needles: found(readFileSync(file).toString("latin1")) }))
    .filter((hit) => hit.needles.length > 0);
  expect(hits).toEqual([]);
});

for (const [mode, baseURL] of [
  ["server", PORTAL_URLS.server],
  ["bundled", PORTAL_URLS.bundled],
] as const) {
  test.describe(`page HTML, ${mode} library`, () => {
    test.use({ baseURL });

    test("login, home, a view page and admin carry no secret", async ({ page, signIn, request }) => {
      const login = await request.get("/login");
      expect(login.status()).toBe(200);
      // Which pages may hold alice's embed token: the view page only.
      const alice = DEMO_USERS.alice.tableauUser;
      const pages: Array<[string, string, string | undefined]> = [["/login", await login.text(), undefined]];

      await signIn(page, "alice");
      for (const path of ["/", "/views/Superstore/SalesbyRegion", "/admin/workbooks"]) {
        const answer = await page.request.get(path);
        expect(answer.status(), path).toBe(200);
        const html = await answer.text();
        expect(html, path).toContain(DEMO_USERS.alice.name);
        pages.push([path, html, path.startsWith("/views/") ? alice : undefined]);
      }
      // What the browser ends up with after scripts ran, too.
      await page.goto("/views/Superstore/SalesbyRegion");
      pages.push(["rendered view page", await page.content(), alice]);

      for (const [path, html, embedTokenFor] of pages) expect(found(html, embedTokenFor), path).toEqual([]);
    });
  });
}
