import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, getXml, signIn, xmlErrorCode, type Signed } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
const ALL = ["tableau:content:read", "tableau:users:read", "tableau:groups:read"];
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url, { scopes: ALL });
  bob = await signIn(emu.url, { sub: "bob@example.com", scopes: ALL });
});
afterAll(() => emu.close());

const site = (s: Signed) => `${emu.url}${API}/sites/${s.siteId}`;
const code = (body: unknown) => errorSchema.parse(body).error.code;
interface Named {
  id: string;
  name: string;
}
const names = (list: { [k: string]: Named[] | undefined } | Record<string, never>, key: string) =>
  ((list as Record<string, Named[] | undefined>)[key] ?? []).map((x) => x.name);

describe("Query Site", () => {
  it("finds the site by id, contentUrl and name, in JSON and XML", async () => {
    const base = `${emu.url}${API}/sites`;
    for (const path of [alice.siteId, "vizport-demo?key=contentUrl", "Vizport%20Demo?key=name"]) {
      const res = await getJson(`${base}/${path}`, alice.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        site: { id: alice.siteId, name: "Vizport Demo", contentUrl: "vizport-demo" },
      });
    }
    const xml = await getXml(`${base}/Vizport%20Demo?key=name`, alice.token);
    expect(xml.tags.find((t) => t.name === "site")?.attributes).toMatchObject({ contentUrl: "vizport-demo" });
  });

  it("answers another name with 404000 and a bad key with 400000", async () => {
    const base = `${emu.url}${API}/sites`;
    expect(code((await getJson(`${base}/Other?key=name`, alice.token)).body)).toBe("404000");
    expect(xmlErrorCode((await getXml(`${base}/vizport-demo?key=name`, alice.token)).tags)).toBe("404000");
    expect(code((await getJson(`${base}/x?key=luid`, alice.token)).body)).toBe("400000");
  });
});

describe("Query User On Site", () => {
  it("shows a site administrator any user, in JSON and XML", async () => {
    const res = await getJson(`${site(alice)}/users/${bob.userId}`, alice.token);
    expect(res.body).toMatchObject({ user: { id: bob.userId, name: "bob@example.com", siteRole: "Viewer" } });
    const xml = await getXml(`${site(alice)}/users/${bob.userId}`, alice.token);
    expect(xml.tags.find((t) => t.name === "user")?.attributes).toMatchObject({ name: "bob@example.com" });
    expect(xml.tags.find((t) => t.name === "domain")?.attributes).toEqual({ name: "local" });
  });

  it("shows anyone else only themselves: another user is 404002, as if absent", async () => {
    expect((await getJson(`${site(bob)}/users/${bob.userId}`, bob.token)).status).toBe(200);
    const other = await getJson(`${site(bob)}/users/${alice.userId}`, bob.token);
    expect(other.status).toBe(404);
    expect(code(other.body)).toBe("404002");
    expect(code((await getJson(`${site(alice)}/users/nobody`, alice.token)).body)).toBe("404002");
    expect(xmlErrorCode((await getXml(`${site(bob)}/users/${alice.userId}`, bob.token)).tags)).toBe("404002");
  });

  it("needs tableau:users:read", async () => {
    const s = await signIn(emu.url, { scopes: ["tableau:content:read"] });
    const res = await getJson(`${site(s)}/users/${s.userId}`, s.token);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.detail).toContain("tableau:users:read");
  });
});

describe("groups", () => {
  it("lists the demo groups (the portal's Portal Admins and All Users) to an administrator, paged", async () => {
    const res = await getJson(`${site(alice)}/groups?sort=name:asc`, alice.token);
    expect(res.body).toMatchObject({
      pagination: { pageNumber: "1", pageSize: "100", totalAvailable: "2" },
      groups: { group: [{ name: "All Users", domain: { name: "local" } }, { name: "Portal Admins" }] },
    });
    const xml = await getXml(`${site(alice)}/groups?pageSize=1&filter=name:eq:Portal%20Admins`, alice.token);
    expect(xml.tags.filter((t) => t.name === "group").map((t) => t.attributes.name)).toEqual([
      "Portal Admins",
    ]);
    expect(xml.tags.find((t) => t.name === "pagination")?.attributes.totalAvailable).toBe("1");
    const counted = await getJson(`${site(alice)}/groups?fields=_all_&sort=name:asc`, alice.token);
    expect(counted.body).toMatchObject({ groups: { group: [{ userCount: "3" }, { userCount: "1" }] } });
  });

  it("shows anyone else the groups they are in", async () => {
    const res = await getJson(`${site(bob)}/groups`, bob.token);
    expect(names((res.body as { groups: Record<string, Named[]> }).groups, "group")).toEqual(["All Users"]);
  });

  it("lists a group's users; a non-member gets 404012, as does an unknown group", async () => {
    const groups = (await getJson(`${site(alice)}/groups?sort=name:asc`, alice.token)).body as {
      groups: { group: Named[] };
    };
    const [everyone, admins] = groups.groups.group;
    const members = await getJson(`${site(alice)}/groups/${everyone!.id}/users?sort=name:asc`, alice.token);
    expect(names((members.body as { users: Record<string, Named[]> }).users, "user")).toEqual([
      "alice@example.com",
      "bob@example.com",
      "carol@example.com",
    ]);
    const xml = await getXml(`${site(alice)}/groups/${admins!.id}/users`, alice.token);
    expect(xml.tags.filter((t) => t.name === "user").map((t) => t.attributes.name)).toEqual([
      "alice@example.com",
    ]);
    // bob is in All Users, where he sees himself only, and not in Portal Admins.
    const own = await getJson(`${site(bob)}/groups/${everyone!.id}/users`, bob.token);
    expect(names((own.body as { users: Record<string, Named[]> }).users, "user")).toEqual([
      "bob@example.com",
    ]);
    expect(code((await getJson(`${site(bob)}/groups/${admins!.id}/users`, bob.token)).body)).toBe("404012");
    expect(xmlErrorCode((await getXml(`${site(alice)}/groups/nope/users`, alice.token)).tags)).toBe("404012");
  });

  it("lists a user's groups (3.7 and later)", async () => {
    const res = await getJson(`${site(alice)}/users/${alice.userId}/groups?sort=name:desc`, alice.token);
    expect(names((res.body as { groups: Record<string, Named[]> }).groups, "group")).toEqual([
      "Portal Admins",
      "All Users",
    ]);
    const xml = await getXml(`${site(bob)}/users/${bob.userId}/groups`, bob.token);
    expect(xml.tags.filter((t) => t.name === "group").map((t) => t.attributes.name)).toEqual(["All Users"]);
    expect(code((await getJson(`${site(bob)}/users/${alice.userId}/groups`, bob.token)).body)).toBe("404002");
    const old = `${emu.url}/api/3.6/sites/${alice.siteId}/users/${alice.userId}/groups`;
    expect(code((await getJson(old, alice.token)).body)).toBe("404003");
  });

  it("needs tableau:groups:read", async () => {
    const s = await signIn(emu.url, { scopes: ["tableau:users:read"] });
    const res = await getJson(`${site(s)}/groups`, s.token);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.detail).toContain("tableau:groups:read");
  });

  it("gives the generated large sites team groups, each user in one or two, and All Users holding everyone", async () => {
    const big = await startEmulator({ port: 0, quiet: true, workbooks: 200 });
    try {
      const s = await signIn(big.url, { scopes: ALL });
      const res = await getJson(`${big.url}${API}/sites/${s.siteId}/groups?fields=_all_`, s.token);
      const groups = (res.body as { groups: { group: Array<Named & { userCount: string }> } }).groups.group;
      expect(groups.map((g) => g.name)).toContain("Sales Team");
      expect(groups.length).toBe(8);
      expect(groups.find((g) => g.name === "All Users")?.userCount).toBe("63");
      const teams = groups.filter((g) => g.name.endsWith(" Team"));
      const memberships = teams.reduce((n, g) => n + Number(g.userCount), 0);
      expect(memberships).toBeGreaterThanOrEqual(60);
      expect(memberships).toBeLessThanOrEqual(120);
    } finally {
      await big.close();
    }
  });
});
