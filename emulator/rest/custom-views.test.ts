/**
 * Custom views over real HTTP: made through the view page's endpoint (as the Embedding API does), then read,
 * drawn and deleted over REST with Tableau's visibility rules, and opened by the custom view URL form.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { signIn as embedSignIn, start } from "../embed/test-helpers";
import { API, getJson, signIn, type Signed } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";

let emu: RunningEmulator;
const rest: Record<string, Signed> = {};
const cookies: Record<string, string> = {};
const SCOPES = ["tableau:content:read", "tableau:views:download"];
beforeAll(async () => {
  emu = await start();
  for (const who of ["alice", "bob", "carol"]) {
    const sub = `${who}@example.com`;
    rest[who] = await signIn(emu.url, { sub, scopes: SCOPES });
    cookies[who] = await embedSignIn(emu, sub, who === "carol" ? { Region: "East" } : undefined);
  }
});
afterAll(() => emu.close());

interface PageCv {
  id: string;
  name: string;
  shared: boolean;
  default: boolean;
  url: string;
  mine: boolean;
}

async function pageApi(who: string, body: unknown, origin = emu.url) {
  const res = await fetch(`${emu.url}/vizportal/api/web/v1/customviews`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: cookies[who]!, origin },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as { result?: unknown; error?: { errorCode: string } },
  };
}

const OVERVIEW = { workbook: "Superstore", sheet: "Overview" };
async function save(who: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await pageApi(who, {
    action: "save",
    ...OVERVIEW,
    name,
    filters: { Region: ["East"] },
    parameters: { "Top N": 5 },
    ...extra,
  });
  expect(res.status).toBe(200);
  return res.body.result as PageCv;
}

const list = (s: Signed, query = "") =>
  getJson(`${emu.url}${API}/sites/${s.siteId}/customviews${query}`, s.token);
type CvList = { customViews: { customView?: { id: string; name: string; owner: { name: string } }[] } };
const names = (body: unknown) => ((body as CvList).customViews.customView ?? []).map((c) => c.name).sort();

describe("custom views", () => {
  it("the page endpoint needs the page's origin, a session and a valid body", async () => {
    expect((await pageApi("carol", { action: "list", ...OVERVIEW }, "http://evil.example")).status).toBe(403);
    const none = await fetch(`${emu.url}/vizportal/api/web/v1/customviews`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: emu.url },
      body: "{}",
    });
    expect(none.status).toBe(401);
    expect((await pageApi("carol", { action: "nope" })).status).toBe(400);
    const blank = await pageApi("carol", {
      action: "save",
      ...OVERVIEW,
      name: "  ",
      filters: {},
      parameters: {},
    });
    expect(blank).toMatchObject({ status: 400, body: { error: { errorCode: "invalid-custom-view-name" } } });
    const hidden = await pageApi("carol", {
      action: "list",
      workbook: "ExecutiveFinance",
      sheet: "ProfitOverview",
    });
    expect(hidden.status).toBe(404);
  });

  it("lists by Tableau's visibility rules and reads one by id", async () => {
    const mine = await save("carol", "East, 2024");
    expect(mine.url).toBe(`${emu.url}/t/vizport-demo/views/Superstore/Overview/${mine.id}/East2024`);
    const shared = await save("alice", "Team view");
    await pageApi("alice", { action: "update", id: shared.id, shared: true });

    // No filter: a user their own, an administrator everyone's.
    expect(names((await list(rest.carol!)).body)).toEqual(["East, 2024"]);
    expect(names((await list(rest.bob!)).body)).toEqual([]);
    expect(names((await list(rest.alice!)).body)).toEqual(["East, 2024", "Team view"]);
    // By view: the shared ones too, never another's private one.
    const viewId = (
      (await getJson(`${emu.url}${API}/sites/${rest.bob!.siteId}/customviews/${shared.id}`, rest.bob!.token))
        .body as { customView: { view: { id: string } } }
    ).customView.view.id;
    expect(names((await list(rest.bob!, `?filter=viewId:eq:${viewId}`)).body)).toEqual(["Team view"]);
    expect(names((await list(rest.carol!, `?filter=viewId:eq:${viewId}`)).body)).toEqual([
      "East, 2024",
      "Team view",
    ]);
    expect(names((await list(rest.bob!, `?filter=ownerId:eq:${rest.carol!.userId}`)).body)).toEqual([]);

    const one = await getJson(
      `${emu.url}${API}/sites/${rest.carol!.siteId}/customviews/${mine.id}`,
      rest.carol!.token,
    );
    expect(one.body).toMatchObject({
      customView: {
        id: mine.id,
        name: "East, 2024",
        shared: false,
        view: { name: "Overview" },
        workbook: { name: "Superstore" },
        owner: { name: "carol@example.com" },
      },
    });
    const bobReads = await getJson(
      `${emu.url}${API}/sites/${rest.bob!.siteId}/customviews/${mine.id}`,
      rest.bob!.token,
    );
    expect(bobReads.status).toBe(404);
    expect(errorSchema.parse(bobReads.body).error.code).toBe("404000");

    const bad = await list(rest.carol!, "?filter=name:eq:x");
    expect(bad.status).toBe(400);
    expect((await list(rest.carol!, "?filter=viewId:gt:x")).status).toBe(400);
    const paged = await list(rest.alice!, "?pageSize=1&pageNumber=2");
    expect(paged.body).toMatchObject({ pagination: { pageNumber: "2", pageSize: "1", totalAvailable: "2" } });
  });

  it("draws the custom view's image for whoever may see it", async () => {
    const cv = await save("carol", "Image check");
    const url = `${emu.url}${API}/sites/${rest.carol!.siteId}/customviews/${cv.id}/image`;
    const res = await fetch(url, { headers: { "x-tableau-auth": rest.carol!.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const bob = await fetch(url, {
      headers: { "x-tableau-auth": rest.bob!.token, accept: "application/json" },
    });
    expect(bob.status).toBe(404);
  });

  it("opens a custom view by its URL, and the default one on the plain URL, for those who may see it", async () => {
    const cv = await save("carol", "Opened by URL");
    const page = (who: string, path: string) =>
      fetch(`${emu.url}${path}`, { headers: { cookie: cookies[who]! } }).then(async (r) => ({
        status: r.status,
        text: await r.text(),
      }));
    const path = new URL(cv.url).pathname;
    const opened = await page("carol", path);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain(`"customView":{"id":"${cv.id}"`);
    expect(opened.text).toContain("Region: East");
    expect(opened.text).toContain("Top N: 5");
    const denied = await page("bob", path);
    expect(denied.status).toBe(404);
    expect(denied.text).toContain("not shared with bob@example.com");
    expect((await page("carol", path.replace(cv.id, "00000000-0000-0000-0000-000000000000"))).status).toBe(
      404,
    );

    const plain = "/t/vizport-demo/views/Superstore/Overview";
    expect((await page("carol", plain)).text).toContain('"customView":null');
    await pageApi("carol", { action: "setDefault", id: cv.id });
    expect((await page("carol", plain)).text).toContain(`"customView":{"id":"${cv.id}"`);
    expect((await page("bob", plain)).text).toContain('"customView":null');
  });

  it("deletes for the owner or an administrator only", async () => {
    const cv = await save("carol", "To delete");
    const del = (s: Signed) =>
      fetch(`${emu.url}${API}/sites/${s.siteId}/customviews/${cv.id}`, {
        method: "DELETE",
        headers: { "x-tableau-auth": s.token, accept: "application/json" },
      });
    expect((await del(rest.bob!)).status).toBe(404);
    await pageApi("carol", { action: "update", id: cv.id, shared: true });
    expect((await del(rest.bob!)).status).toBe(403);
    expect((await del(rest.carol!)).status).toBe(204);
    expect((await del(rest.carol!)).status).toBe(404);
    const oldVersion = await fetch(`${emu.url}/api/3.18/sites/${rest.carol!.siteId}/customviews/${cv.id}`, {
      method: "DELETE",
      headers: { "x-tableau-auth": rest.carol!.token, accept: "application/json" },
    });
    // Delete Custom View came with 3.19.
    expect(oldVersion.status).toBe(404);
    expect(errorSchema.parse(await oldVersion.json()).error.code).toBe("404003");
  });
});
