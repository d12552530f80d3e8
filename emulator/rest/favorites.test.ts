import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, signIn, type Signed } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
const SCOPES = ["tableau:content:read"];
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url, { scopes: SCOPES });
  bob = await signIn(emu.url, { sub: "bob@example.com", scopes: SCOPES });
});
afterAll(() => emu.close());

const favorites = (s: Signed, user = s.userId) => `${emu.url}${API}/sites/${s.siteId}/favorites/${user}`;
const code = (body: unknown) => errorSchema.parse(body).error.code;

async function put(s: Signed, body: string, type = "application/json", user = s.userId) {
  const res = await fetch(favorites(s, user), {
    method: "PUT",
    headers: { "x-tableau-auth": s.token, "content-type": type, accept: "application/json" },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function viewIds(s: Signed): Promise<Record<string, string>> {
  const res = await getJson(`${emu.url}${API}/sites/${s.siteId}/views?pageSize=100`, s.token);
  const views = (res.body as { views: { view: { id: string; name: string }[] } }).views.view;
  return Object.fromEntries(views.map((v) => [v.name, v.id]));
}

type FavList = { favorites: { favorite?: { label: string; view?: { name: string } }[] } };
const labels = (body: unknown) => ((body as FavList).favorites.favorite ?? []).map((f) => f.label);

describe("Favorites", () => {
  it("adds a view (JSON or XML), answers the whole list, lists it paged and deletes it", async () => {
    const ids = await viewIds(bob);
    const first = await put(
      bob,
      JSON.stringify({ favorite: { label: "Sales", view: { id: ids["Sales by Region"] } } }),
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      favorites: { favorite: [{ label: "Sales", view: { name: "Sales by Region" } }] },
    });
    const xml = `<tsRequest><favorite label="Trend"><view id="${ids["Monthly Trend"]}"/></favorite></tsRequest>`;
    expect(labels((await put(bob, xml, "application/xml")).body)).toEqual(["Sales", "Trend"]);
    // The same item again: a new label renames it; the same label changes nothing.
    const renamed = await put(
      bob,
      JSON.stringify({ favorite: { label: "My trend", view: { id: ids["Monthly Trend"] } } }),
    );
    expect(labels(renamed.body)).toEqual(["Sales", "My trend"]);

    const page = await getJson(`${favorites(bob)}?pageSize=1&pageNumber=2`, bob.token);
    expect(page.body).toMatchObject({ pagination: { pageNumber: "2", pageSize: "1", totalAvailable: "2" } });
    expect(labels(page.body)).toEqual(["My trend"]);

    const del = await fetch(`${favorites(bob)}/views/${ids["Sales by Region"]}`, {
      method: "DELETE",
      headers: { "x-tableau-auth": bob.token },
    });
    expect(del.status).toBe(204);
    expect(labels((await getJson(favorites(bob), bob.token)).body)).toEqual(["My trend"]);
    const again = await fetch(`${favorites(bob)}/views/${ids["Sales by Region"]}`, {
      method: "DELETE",
      headers: { "x-tableau-auth": bob.token, accept: "application/json" },
    });
    expect(again.status).toBe(404);
  });

  it("refuses a label another item has, a body naming no item, someone else's list and an unseen view", async () => {
    const ids = await viewIds(alice);
    const bobIds = await viewIds(bob);
    await put(alice, JSON.stringify({ favorite: { label: "Mine", view: { id: ids["Sales by Region"] } } }));
    const clash = await put(
      alice,
      JSON.stringify({ favorite: { label: "Mine", view: { id: ids["Monthly Trend"] } } }),
    );
    expect([clash.status, code(clash.body)]).toEqual([409, "409000"]);
    const none = await put(alice, JSON.stringify({ favorite: { label: "x" } }));
    expect([none.status, code(none.body)]).toEqual([400, "400000"]);
    const other = await put(
      bob,
      JSON.stringify({ favorite: { label: "x", view: { id: bobIds["Sales by Region"] } } }),
      "application/json",
      alice.userId,
    );
    expect([other.status, code(other.body)]).toEqual([403, "403000"]);
    // Executive Finance is for site administrators: Bob cannot favorite what he cannot see.
    const hidden = await put(
      bob,
      JSON.stringify({ favorite: { label: "x", view: { id: ids["Profit Overview"] } } }),
    );
    expect([hidden.status, code(hidden.body)]).toEqual([404, "404011"]);
    const upper = await fetch(`${favorites(alice)}/Views/${ids["Sales by Region"]}`, {
      method: "DELETE",
      headers: { "x-tableau-auth": alice.token, accept: "application/json" },
    });
    expect(upper.status).toBe(400);
  });
});
