import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, signIn, type Signed } from "../testing/rest-client";
import { errorSchema, workbookSchema, workbooksPageSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url);
  bob = await signIn(emu.url, { sub: "bob@example.com" });
});
afterAll(() => emu.close());

const list = async (s: Signed, query = "") => {
  const res = await getJson(`${emu.url}${API}/sites/${s.siteId}/workbooks${query}`, s.token);
  return { status: res.status, body: res.body };
};
const page = async (s: Signed, query = "") => workbooksPageSchema.parse((await list(s, query)).body);
const names = async (s: Signed, query = "") =>
  ((await page(s, query)).workbooks.workbook ?? []).map((w) => w.name);
const badRequest = async (query: string) => {
  const res = await list(alice, query);
  expect(res.status).toBe(400);
  return errorSchema.parse(res.body).error;
};

describe("Query Workbooks for Site", () => {
  it("lists what the user may see, with string pagination numbers", async () => {
    const all = await page(alice);
    expect(all.pagination).toEqual({ pageNumber: "1", pageSize: "100", totalAvailable: "4" });
    const first = all.workbooks.workbook?.find((w) => w.contentUrl === "Superstore");
    expect(first).toMatchObject({
      name: "Superstore",
      project: { name: "Sales" },
      owner: { name: "alice@example.com" },
      showTabs: "true",
    });
    expect(first?.tags?.tag?.map((t) => t.label)).toEqual(["sales", "demo"]);
  });

  it("hides the admin-only Finance project from a Viewer", async () => {
    expect(await names(bob)).not.toContain("Executive Finance");
    expect((await page(bob)).pagination.totalAvailable).toBe("3");
    expect(await names(alice)).toContain("Executive Finance");
  });

  it("filters with eq, in, has, and ranges, combined with commas", async () => {
    expect(await names(alice, "?filter=projectName:eq:Sales")).toEqual([
      "Superstore",
      "Regional Performance",
    ]);
    expect(await names(alice, "?filter=name:in:[Operations,Superstore]")).toEqual([
      "Superstore",
      "Operations",
    ]);
    expect(await names(alice, "?filter=tags:eq:demo")).toEqual(["Superstore"]);
    expect(await names(alice, "?filter=ownerName:eq:carol@example.com")).toEqual(["Regional Performance"]);
    expect(await names(alice, "?filter=size:gte:2")).toEqual(["Superstore"]);
    expect(await names(alice, "?filter=sheetCount:lt:2")).toEqual(["Operations"]);
    expect(await names(alice, "?filter=projectName:eq:Sales,size:lt:2")).toEqual(["Regional Performance"]);
    expect(await names(alice, "?filter=createdAt:gt:2020-01-01T00:00:00Z,displayTabs:eq:true")).toHaveLength(
      4,
    );
    expect(await names(alice, "?filter=name:has:perf")).toEqual(["Regional Performance"]);
  });

  it("answers an empty result with workbooks: {}", async () => {
    const res = await list(alice, "?filter=name:eq:Nothing");
    expect(res.body).toMatchObject({ pagination: { totalAvailable: "0" }, workbooks: {} });
  });

  it("sorts on several fields", async () => {
    expect(await names(alice, "?sort=name:asc")).toEqual([
      "Executive Finance",
      "Operations",
      "Regional Performance",
      "Superstore",
    ]);
    expect(await names(alice, "?sort=projectName:desc,name:desc")).toEqual([
      "Superstore",
      "Regional Performance",
      "Executive Finance",
      "Operations",
    ]);
  });

  it("returns the requested fields only", async () => {
    const only = (await page(alice, "?fields=id,name,project.name")).workbooks.workbook?.[0];
    expect(Object.keys(only ?? {}).sort()).toEqual(["id", "name", "project"]);
    expect(Object.keys(only?.project ?? {})).toEqual(["name"]);
    const all = (await page(alice, "?fields=_all_")).workbooks.workbook?.[0];
    expect(all?.owner?.email).toBe("alice@example.com");
    const more = (await page(alice, "?fields=_default_,owner.email")).workbooks.workbook?.[0];
    expect(more).toMatchObject({ owner: { email: "alice@example.com" }, defaultViewId: expect.any(String) });
  });

  it.each(["0", "1001", "ten", "-5", "2.5"])("rejects pageSize=%s with 400007", async (size) => {
    const error = await badRequest(`?pageSize=${size}`);
    expect(error.code).toBe("400007");
    expect(error.detail).toContain("1 to 1000");
  });

  it("rejects pageNumber=0 with 400006", async () => {
    expect((await badRequest("?pageNumber=0")).code).toBe("400006");
  });

  it.each([
    ["name", "not field:operator:value"],
    ["colour:eq:red", "not a filterable field"],
    ["name:gt:a", "accepts eq, in, has"],
    ["size:gt:big", "expected a number"],
    ["createdAt:gt:yesterday", "ISO 8601"],
    ["displayTabs:eq:yes", "true or false"],
    ["name:in:Superstore", "list like [a,b]"],
    ["name:in:[a,b", "unbalanced"],
    ["name:eq:", "no value"],
  ])("rejects the malformed filter %s with a clear 400", async (filter, message) => {
    const error = await badRequest(`?filter=${encodeURIComponent(filter)}`);
    expect(error.code).toBe("400065");
    expect(error.detail).toContain(message);
  });

  it.each([
    ["sort=colour:asc", "not a sortable field"],
    ["sort=name:up", "field:asc or field:desc"],
    ["fields=id,colour", "not a field here"],
  ])("rejects %s with a clear 400", async (query, message) => {
    expect((await badRequest(`?${query}`)).detail).toContain(message);
  });
});

describe("Get Workbook and Query Views for Workbook", () => {
  const superstoreId = async () =>
    (await page(alice, "?filter=contentUrl:eq:Superstore")).workbooks.workbook![0]!.id;

  it("returns the workbook with its views", async () => {
    const id = await superstoreId();
    const res = await getJson(`${emu.url}${API}/sites/${alice.siteId}/workbooks/${id}`, alice.token);
    const wb = workbookSchema.parse((res.body as { workbook: unknown }).workbook);
    expect(wb.views?.view.map((v) => v.name)).toEqual([
      "Overview",
      "Sales by Region",
      "Profit by Category",
      "Monthly Trend",
    ]);
    expect(wb.defaultViewId).toBe(wb.views?.view[0]?.id);
  });

  it("lists a workbook's views with REST contentUrls", async () => {
    const id = await superstoreId();
    const res = await getJson(`${emu.url}${API}/sites/${alice.siteId}/workbooks/${id}/views`, alice.token);
    expect(res.body).toMatchObject({
      views: {
        view: expect.arrayContaining([
          expect.objectContaining({ contentUrl: "Superstore/sheets/SalesbyRegion" }),
        ]),
      },
    });
  });

  it("answers an unknown workbook, and one the user may not see, with 404006", async () => {
    const finance = (await page(alice, "?filter=projectName:eq:Finance")).workbooks.workbook![0]!.id;
    for (const [who, id] of [
      [alice, "nope"],
      [bob, finance],
    ] as const) {
      const res = await getJson(`${emu.url}${API}/sites/${who.siteId}/workbooks/${id}`, who.token);
      expect(res.status).toBe(404);
      expect(errorSchema.parse(res.body).error.code).toBe("404006");
    }
  });
});

describe("a generated site of 2,500 workbooks", () => {
  let big: RunningEmulator;
  let admin: Signed;
  beforeAll(async () => {
    big = await startEmulator({ port: 0, quiet: true, workbooks: 2500 });
    admin = await signIn(big.url);
  });
  afterAll(() => big.close());

  const bigPage = async (query: string) =>
    workbooksPageSchema.parse(
      (await getJson(`${big.url}${API}/sites/${admin.siteId}/workbooks${query}`, admin.token)).body,
    );

  it("pages through every workbook exactly once, in a stable sorted order", async () => {
    const seen: string[] = [];
    const sorted: string[] = [];
    for (let n = 1; n <= 3; n++) {
      const p = await bigPage(`?pageSize=1000&pageNumber=${n}&sort=name:asc`);
      expect(p.pagination).toEqual({ pageNumber: String(n), pageSize: "1000", totalAvailable: "2500" });
      for (const w of p.workbooks.workbook ?? []) {
        seen.push(w.id);
        sorted.push(w.name.toLowerCase());
      }
    }
    expect(seen).toHaveLength(2500);
    expect(new Set(seen).size).toBe(2500);
    expect(sorted).toEqual([...sorted].sort());
    const beyond = await bigPage("?pageSize=1000&pageNumber=4");
    expect(beyond.workbooks.workbook).toBeUndefined();
  });

  it("keeps the demo workbooks and spreads the rest over many projects and owners", async () => {
    const p = await bigPage("?pageSize=1000&fields=_all_");
    const projects = new Set(p.workbooks.workbook?.map((w) => w.project?.name));
    const owners = new Set(p.workbooks.workbook?.map((w) => w.owner?.name));
    expect(projects.size).toBeGreaterThan(20);
    expect(owners.size).toBeGreaterThan(20);
    expect((await bigPage("?filter=contentUrl:eq:Superstore")).pagination.totalAvailable).toBe("1");
  });
});
