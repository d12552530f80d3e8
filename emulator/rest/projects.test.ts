import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, signIn, type Signed } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());

const get = (s: Signed, path: string) => getJson(`${emu.url}${API}/sites/${s.siteId}${path}`, s.token);
type Named = { name: string; siteRole?: string };
const itemsOf = (body: unknown, list: string, item: string) =>
  ((body as Record<string, Record<string, Named[]>>)[list]?.[item] ?? []).map((x) => x.name);

describe("Query Projects", () => {
  it("lists projects, hiding admin-only ones from non-admins", async () => {
    const alice = await signIn(emu.url);
    const bob = await signIn(emu.url, { sub: "bob@example.com" });
    expect(itemsOf((await get(alice, "/projects")).body, "projects", "project").sort()).toEqual([
      "Default",
      "Finance",
      "Sales",
    ]);
    const res = await get(bob, "/projects?sort=name:asc");
    expect(res.body).toMatchObject({ pagination: { totalAvailable: "2" } });
    expect(itemsOf(res.body, "projects", "project")).toEqual(["Default", "Sales"]);
    expect(
      itemsOf((await get(alice, "/projects?filter=name:eq:Finance")).body, "projects", "project"),
    ).toEqual(["Finance"]);
  });
});

describe("Get Users on Site", () => {
  it("lists every user with site roles for an admin, only themselves for others", async () => {
    const alice = await signIn(emu.url, { scopes: ["tableau:users:read"] });
    const res = await get(alice, "/users?sort=name:asc");
    expect(res.status).toBe(200);
    expect((res.body as { users: { user: Named[] } }).users.user).toEqual([
      expect.objectContaining({ name: "alice@example.com", siteRole: "SiteAdministratorCreator" }),
      expect.objectContaining({ name: "bob@example.com", siteRole: "Viewer" }),
      expect.objectContaining({ name: "carol@example.com", siteRole: "Explorer" }),
    ]);
    const carol = await signIn(emu.url, { sub: "carol@example.com", scopes: ["tableau:users:read"] });
    expect(itemsOf((await get(carol, "/users")).body, "users", "user")).toEqual(["carol@example.com"]);
  });

  it("filters users by siteRole", async () => {
    const alice = await signIn(emu.url, { scopes: ["tableau:users:read"] });
    expect(itemsOf((await get(alice, "/users?filter=siteRole:eq:Viewer")).body, "users", "user")).toEqual([
      "bob@example.com",
    ]);
  });

  it("needs tableau:users:read", async () => {
    const alice = await signIn(emu.url);
    const res = await get(alice, "/users");
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.detail).toContain("tableau:users:read");
  });
});

describe("XML answers", () => {
  it("lists workbooks as XML", async () => {
    const alice = await signIn(emu.url);
    const res = await fetch(`${emu.url}${API}/sites/${alice.siteId}/workbooks?pageSize=2`, {
      headers: { "x-tableau-auth": alice.token, accept: "application/xml" },
    });
    const xml = await res.text();
    expect(xml).toContain('<pagination pageNumber="1" pageSize="2" totalAvailable="4"/>');
    expect(xml).toMatch(/<workbooks><workbook [^>]*name="Superstore"/);
    expect(xml).toContain('<tags><tag label="sales"/><tag label="demo"/></tags>');
  });
});

describe("Query Site and Query Workbooks for User", () => {
  it("returns the site by id or by contentUrl, and 404000 for another", async () => {
    const alice = await signIn(emu.url);
    expect((await get(alice, "")).body).toMatchObject({
      site: { id: alice.siteId, contentUrl: "vizport-demo" },
    });
    const byUrl = await getJson(`${emu.url}${API}/sites/vizport-demo?key=contentUrl`, alice.token);
    expect(byUrl.body).toMatchObject({ site: { id: alice.siteId } });
    const other = await getJson(`${emu.url}${API}/sites/elsewhere?key=contentUrl`, alice.token);
    expect(errorSchema.parse(other.body).error.code).toBe("404000");
  });

  it("refuses Query Workbooks for User under a JWT session with 401002", async () => {
    const alice = await signIn(emu.url);
    const res = await get(alice, `/users/${alice.userId}/workbooks`);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.detail).toContain("Query Workbooks for Site");
  });
});
