import { afterAll, beforeAll, afterEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { startTestEmulator, testClient } from "../../test/emulator-fixture";
import { usePortalEnv as freshPortal } from "../../test/portal-env";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
afterEach(() => vi.unstubAllEnvs());

async function catalogCache(seconds: string) {
  freshPortal({ VIZPORT_CATALOG_CACHE_SECONDS: seconds });
  return import("./catalog-cache");
}

async function cachedLoader(seconds: string) {
  return (await catalogCache(seconds)).loadCachedCatalog;
}

describe("loadCachedCatalog", () => {
  it("reads Tableau once per principal within the cache time, however many loads at once", async () => {
    const load = await cachedLoader("30");
    const client = testClient(emu);
    const first = await Promise.all(Array.from({ length: 5 }, () => load(client, "alice@example.com")));
    const afterOne = client.stats().requests;
    expect(afterOne).toBeGreaterThan(0);
    await load(client, "alice@example.com");
    expect(client.stats().requests).toBe(afterOne);
    expect(first.every((content) => content.views.length === first[0]!.views.length)).toBe(true);

    // Another principal has its own listing: bob does not see alice's Finance views.
    const bob = await load(client, "bob@example.com");
    expect(client.stats().requests).toBeGreaterThan(afterOne);
    const projects = (views: { projectName: string }[]) => new Set(views.map((v) => v.projectName));
    expect(projects(first[0]!.workbooks).has("Finance")).toBe(true);
    expect(projects(bob.workbooks).has("Finance")).toBe(false);
  });

  it("with VIZPORT_CATALOG_CACHE_SECONDS=0 reads Tableau on every load", async () => {
    const load = await cachedLoader("0");
    const client = testClient(emu);
    await load(client, "carol@example.com");
    const once = client.stats().requests;
    await load(client, "carol@example.com");
    expect(client.stats().requests).toBe(2 * once);
  });
});

describe("findListedView", () => {
  it("finds a view in the principal's cached listing without asking Tableau, and asks for one it lacks", async () => {
    const { findListedView, loadCachedCatalog } = await catalogCache("30");
    const client = testClient(emu);
    // No listing cached yet: Tableau is asked.
    const asked = await findListedView(client, "carol@example.com", "Superstore", "SalesbyRegion");
    expect(asked?.name).toBe("Sales by Region");
    expect(client.stats().requests).toBe(1);

    await loadCachedCatalog(client, "carol@example.com");
    const listedAt = client.stats().requests;
    const listed = await findListedView(client, "carol@example.com", "Superstore", "SalesbyRegion");
    expect(listed).toMatchObject({ id: asked!.id, name: "Sales by Region", projectName: asked!.projectName });
    expect(client.stats().requests).toBe(listedAt);

    // Not in the listing (it may be newer than the listing): Tableau says whether it exists.
    expect(await findListedView(client, "carol@example.com", "Superstore", "NoSuchSheet")).toBeNull();
    expect(client.stats().requests).toBe(listedAt + 1);
    // Another principal's listing is never used: bob has none cached, so Tableau is asked.
    await findListedView(client, "bob@example.com", "Superstore", "SalesbyRegion");
    expect(client.stats().requests).toBe(listedAt + 2);
  });
});
