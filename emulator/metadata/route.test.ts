import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, signIn, type Signed } from "../testing/rest-client";
import { workbooksPageSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url);
  bob = await signIn(emu.url, { sub: "bob@example.com" });
});
afterAll(() => emu.close());

async function graphql(who: Signed | null, body: unknown, base = emu.url) {
  const res = await fetch(`${base}/api/metadata/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(who ? { "x-tableau-auth": who.token } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: Record<string, unknown>; errors?: Array<Record<string, unknown>> },
  };
}

interface MetaWorkbook {
  luid: string;
  name: string;
  dashboards: Array<{ name: string; luid: string; sheets: Array<{ name: string; luid: string }> }>;
  sheets: Array<{ name: string; luid: string; path: string }>;
}

describe("Metadata API", () => {
  it("answers workbooks with their dashboards and sheets, ids matching REST's", async () => {
    const query = `{ workbooks { id luid name projectName owner { username }
      dashboards { name luid sheets { name luid } } sheets { name luid path containedInDashboards { name } } } }`;
    const res = await graphql(alice, { query });
    expect(res.status).toBe(200);
    const workbooks = res.body.data!.workbooks as Array<MetaWorkbook & { id: string }>;
    expect(workbooks.map((w) => w.name)).toEqual([
      "Executive Finance",
      "Operations",
      "Regional Performance",
      "Superstore",
    ]);
    const rest = workbooksPageSchema.parse(
      (await getJson(`${emu.url}${API}/sites/${alice.siteId}/workbooks`, alice.token)).body,
    );
    const superstore = workbooks.find((w) => w.name === "Superstore")!;
    expect(superstore.luid).toBe(rest.workbooks.workbook!.find((w) => w.name === "Superstore")!.id);
    expect(superstore.id).not.toBe(superstore.luid);
    expect(superstore.dashboards).toEqual([
      {
        name: "Overview",
        luid: expect.any(String),
        sheets: [
          { name: "Sales by Region", luid: expect.any(String) },
          { name: "Profit by Category", luid: expect.any(String) },
        ],
      },
    ]);
    expect(superstore.sheets.map((s) => s.path)).toEqual([
      "Superstore/SalesbyRegion",
      "Superstore/ProfitbyCategory",
      "Superstore/MonthlyTrend",
    ]);
    const view = await getJson(
      `${emu.url}${API}/sites/${alice.siteId}/views/${superstore.sheets[0]!.luid}`,
      alice.token,
    );
    expect(view.body).toMatchObject({ view: { name: "Sales by Region" } });
  });

  it("shows each user what they may see (Finance to administrators only)", async () => {
    const res = await graphql(bob, { query: "{ workbooks { name } sheets { name } }" });
    const names = (res.body.data!.workbooks as Array<{ name: string }>).map((w) => w.name);
    expect(names).not.toContain("Executive Finance");
    expect((res.body.data!.sheets as Array<{ name: string }>).map((s) => s.name)).not.toContain(
      "Profit Overview",
    );
  });

  it("filters (equality and Within) and pages through a connection with its cursor", async () => {
    const query = `query Page($after: String, $names: [String]) {
      workbooksConnection(first: 2, after: $after, filter: {nameWithin: $names}) {
        totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
    const names = ["Superstore", "Operations", "Executive Finance"];
    const first = await graphql(alice, { query, variables: { names } });
    const conn = first.body.data!.workbooksConnection as {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: Array<{ name: string }>;
    };
    expect(conn).toMatchObject({
      totalCount: 3,
      pageInfo: { hasNextPage: true },
      nodes: [{ name: "Executive Finance" }, { name: "Operations" }],
    });
    const second = await graphql(alice, { query, variables: { names, after: conn.pageInfo.endCursor } });
    expect(second.body.data!.workbooksConnection).toMatchObject({
      pageInfo: { hasNextPage: false },
      nodes: [{ name: "Superstore" }],
    });
    const one = await graphql(alice, {
      query: '{ dashboards(filter: {name: "Overview"}) { workbook { name } } }',
    });
    expect(one.body.data).toEqual({ dashboards: [{ workbook: { name: "Superstore" } }] });
    const sources = await graphql(bob, {
      query: "{ publishedDatasources { name isCertified downstreamWorkbooks { name } } }",
    });
    expect(sources.body.data).toEqual({
      publishedDatasources: [
        {
          name: "Superstore Orders",
          isCertified: true,
          downstreamWorkbooks: [
            { name: "Superstore" },
            { name: "Regional Performance" },
            { name: "Operations" },
          ],
        },
      ],
    });
  });

  it("answers a bad query with GraphQL's error shape and HTTP 200", async () => {
    const res = await graphql(alice, { query: "{ workbooks { colour } }" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      errors: [
        {
          message:
            "Validation error (FieldUndefined@[workbooks/colour]) : Field 'colour' in type 'Workbook' is undefined",
          locations: [{ line: 1, column: 15 }],
          extensions: { classification: "ValidationError" },
        },
      ],
    });
    const cursor = await graphql(alice, { query: '{ workbooksConnection(after: "junk") { totalCount } }' });
    expect(cursor.body).toMatchObject({
      data: { workbooksConnection: null },
      errors: [{ path: ["workbooksConnection"] }],
    });
    const size = await graphql(alice, { query: "{ sheetsConnection(first: 5000) { totalCount } }" });
    expect(String(size.body.errors![0]!.message)).toContain("first must be from 1 to 1000");
  });

  it("needs a session with tableau:content:read (401), and a JSON GraphQL request (400)", async () => {
    const none = await graphql(null, { query: "{ workbooks { name } }" });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ errors: [{ extensions: { code: "401002" } }] });
    const downloadOnly = await signIn(emu.url, { scopes: ["tableau:views:download"] });
    const scoped = await graphql(downloadOnly, { query: "{ workbooks { name } }" });
    expect(scoped.status).toBe(401);
    expect(String(scoped.body.errors![0]!.message)).toContain("tableau:content:read");
    expect((await graphql(alice, "{ workbooks { name } }")).status).toBe(400);
    expect((await graphql(alice, { variables: {} })).status).toBe(400);
    expect((await fetch(`${emu.url}/api/metadata/graphql`)).status).toBe(405);
  });

  it("pages a 10,000-workbook site and refuses an unpaged answer past the node limit", async () => {
    const big = await startEmulator({ port: 0, quiet: true, workbooks: 10_000 });
    try {
      const s = await signIn(big.url);
      const paged = await graphql(
        s,
        { query: "{ workbooksConnection(first: 1000) { totalCount nodes { luid } } }" },
        big.url,
      );
      expect(paged.body.data).toMatchObject({ workbooksConnection: { totalCount: 10_000 } });
      const all = await graphql(s, { query: "{ sheets { name } }" }, big.url);
      expect(all.body).toMatchObject({
        data: null,
        errors: [{ extensions: { classification: "ExecutionAborted" } }],
      });
    } finally {
      await big.close();
    }
  });
});
