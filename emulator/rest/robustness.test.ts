import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, signIn, type Signed } from "../testing/rest-client";
import { REST_ROUTES } from "./routes";

let emu: RunningEmulator;
let alice: Signed;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url, {
    scopes: [
      "tableau:content:read",
      "tableau:views:download",
      "tableau:users:read",
      "tableau:groups:read",
      "tableau:permissions:read",
      "tableau:jobs:read",
    ],
  });
});
afterAll(() => emu.close());

const ODD = [
  "",
  "%",
  "%E0%A4%A",
  "[",
  "]",
  ",",
  ":",
  "::",
  "a:b:c:d",
  "name:in:[",
  "%00",
  "x".repeat(5000),
  "name:eq:%FF",
];

describe("bad input never gives a 500", () => {
  it("survives odd query parameters on every list", async () => {
    const statuses = new Set<number>();
    for (const list of ["workbooks", "views", "projects", "users", "groups", "datasources", "jobs"]) {
      for (const param of ["filter", "sort", "fields", "pageSize", "pageNumber"]) {
        for (const value of ODD) {
          const res = await fetch(`${emu.url}${API}/sites/${alice.siteId}/${list}?${param}=${value}`, {
            headers: { "x-tableau-auth": alice.token, accept: "application/json" },
          });
          await res.arrayBuffer();
          statuses.add(res.status);
          expect(res.status, `${list}?${param}=${value}`).toBeLessThan(500);
        }
      }
    }
    expect(statuses.has(400)).toBe(true);
  });

  // About a thousand requests, a tenth of them rendering a PDF, image or spreadsheet: minutes on a loaded machine.
  it(
    "survives odd values of every parameter on every GET method of the route table",
    { timeout: 120_000 },
    async () => {
      const site = emu.ctx.site;
      const ids: Record<string, string> = {
        version: "3.28",
        siteId: site.site.id,
        workbookId: site.workbooks[0]!.id,
        viewId: site.workbooks[0]!.views[0]!.id,
        userId: site.users[0]!.id,
        groupId: site.groups[0]!.id,
        projectId: site.projects[0]!.id,
        datasourceId: site.datasources[0]!.id,
      };
      const params = [
        "maxAge",
        "type",
        "orientation",
        "vf_Region",
        "resolution",
        "key",
        "includeUsageStatistics",
      ];
      for (const route of REST_ROUTES.filter((r) => r.method === "GET")) {
        const path = route.path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? "x");
        for (const param of params)
          for (const value of ["", "%", "x".repeat(3000), "-1", "%00"]) {
            const res = await fetch(`${emu.url}/api/3.28/${path}?${param}=${value}`, {
              headers: { "x-tableau-auth": alice.token, accept: "application/json" },
            });
            await res.arrayBuffer();
            expect(res.status, `${path}?${param}=${value}`).toBeLessThan(500);
          }
      }
    },
  );

  it("answers odd GraphQL documents with GraphQL errors, never a 500", async () => {
    for (const query of [
      "{".repeat(50_000),
      "{ workbooks(filter: " + "[".repeat(5000) + " }",
      '"',
      "query ($",
      "{ a: b: c }",
    ]) {
      const res = await fetch(`${emu.url}/api/metadata/graphql`, {
        method: "POST",
        headers: { "x-tableau-auth": alice.token, "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(res.status, query.slice(0, 20)).toBe(200);
      expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
  });

  it("survives odd paths, methods and headers", async () => {
    const cases: [string, RequestInit][] = [
      [`${API}/sites/%ZZ/workbooks`, {}],
      [`${API}/sites/${alice.siteId}/workbooks/%E0%A4%A/views`, {}],
      [`${API}/sites/${alice.siteId}/views/../../serverinfo`, {}],
      [
        `${API}/auth/signin`,
        { method: "POST", body: "null", headers: { "content-type": "application/json" } },
      ],
      [
        `${API}/auth/signin`,
        { method: "POST", body: "[1,2]", headers: { "content-type": "application/json" } },
      ],
      [
        `${API}/auth/signin`,
        { method: "POST", body: "<tsRequest", headers: { "content-type": "application/xml" } },
      ],
      [`${API}/auth/signout`, { method: "POST", headers: { "x-tableau-auth": "a|b|c" } }],
      [`${API}/sites/${alice.siteId}/workbooks`, { method: "DELETE" }],
      [`/__emulator/faults`, { method: "POST", body: "[]" }],
      [`/__emulator/clock`, { method: "POST", body: '{"offsetSeconds":1e400}' }],
      [`/api/metadata/graphql`, { method: "POST", body: "null", headers: { "x-tableau-auth": alice.token } }],
      [
        `/api/metadata/graphql`,
        { method: "POST", body: '{"query":5}', headers: { "x-tableau-auth": alice.token } },
      ],
      [`/api/metadata/graphql`, { method: "POST", body: '{"query":"{}"}' }],
    ];
    for (const [path, init] of cases) {
      const res = await fetch(`${emu.url}${path}`, {
        ...init,
        headers: { accept: "application/json", ...init.headers },
      });
      await res.arrayBuffer();
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });
});
