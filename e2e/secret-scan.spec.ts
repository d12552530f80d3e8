/**
 * Nothing secret reaches a browser: every file of the build's client assets (.next/static, the build the e2e
 * portals serve) and the HTML of the main pages, anonymous and signed in, in both library modes, are searched
 * for the Connected App secret values and the session secret (anywhere), and for the server-only variables'
 * names used as code: `process.env.NAME`, `env["NAME"]`, an object key `{NAME:` or a bare string "NAME", which is
 * how a server module or the env schema pulled into a client bundle would show. The names may appear in prose:
 * the viz's advice to admins says which setting to fix ("Check that TABLEAU_CA_SECRET_ID and …"), which
 * e2e/viz-errors.spec.ts expects.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { envSchema } from "../lib/env-schema";
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

function found(text: string): string[] {
  return [
    ...VALUES.filter((value) => text.includes(value)),
    ...NAMES.filter((name) => asCode(name).test(text)).map((name) => `${name} used as code`),
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
      const pages: Array<[string, string]> = [["/login", await login.text()]];

      await signIn(page, "alice");
      for (const path of ["/", "/views/Superstore/SalesbyRegion", "/admin/workbooks"]) {
        const answer = await page.request.get(path);
        expect(answer.status(), path).toBe(200);
        const html = await answer.text();
        expect(html, path).toContain(DEMO_USERS.alice.name);
        pages.push([path, html]);
      }
      // What the browser ends up with after scripts ran, too.
      await page.goto("/views/Superstore/SalesbyRegion");
      pages.push(["rendered view page", await page.content()]);

      for (const [path, html] of pages) expect(found(html), path).toEqual([]);
    });
  });
}
