import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/emulator/server";
import { mintConnectedAppToken } from "@/lib/tableau/jwt";
import { createTableauClient, type TableauClient } from "@/lib/tableau/rest";
import { groupCatalog } from "./group";
import { findView, loadCatalogContent } from "./load";

// The demo Connected App of the emulator (also in .env.local.example).
const app = {
  clientId: "3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  secretId: "7a8b9c0d-1e2f-4a3b-9c5d-6e7f8a9b0c1d",
  secretValue: "vizport-emulator-demo-secret-0f4c9a1b7e2d4c68",
};

let emulator: RunningEmulator;
let client: TableauClient;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, quiet: true });
  client = createTableauClient({
    server: emulator.url,
    apiVersion: "3.28",
    site: "vizport-demo",
    mintToken: async (sub) =>
      (await mintConnectedAppToken(app, { sub, scopes: ["tableau:content:read"], lifetimeSeconds: 60 }))
        .token,
  });
});

afterAll(async () => {
  await emulator?.close();
});

describe("catalog over the emulator's REST API", () => {
  it("shows alice the Finance project and hides it from bob, as Tableau decides", async () => {
    const alice = await loadCatalogContent(client, "alice@example.com");
    const bob = await loadCatalogContent(client, "bob@example.com");
    const projects = (c: typeof alice) => groupCatalog(c.views, c.workbooks).projects.map((p) => p.name);
    expect(projects(alice)).toContain("Finance");
    expect(projects(bob)).not.toContain("Finance");
    expect(projects(bob)).toContain("Sales");
    const sales = groupCatalog(bob.views, bob.workbooks).projects.find((p) => p.name === "Sales")!;
    const superstore = sales.workbooks.find((w) => w.name === "Superstore")!;
    expect(superstore.views.map((v) => v.path)).toContain("/views/Superstore/SalesbyRegion");
  });

  it("finds a view by its URL parts, and not one the user may not see", async () => {
    const view = await findView(client, "carol@example.com", "Superstore", "SalesbyRegion");
    expect(view).toMatchObject({ name: "Sales by Region", workbookContentUrl: "Superstore" });
    expect(await findView(client, "carol@example.com", "Superstore", "NoSuchSheet")).toBeNull();
    expect(await findView(client, "bob@example.com", "ExecutiveFinance", "ProfitOverview")).toBeNull();
    expect(await findView(client, "alice@example.com", "ExecutiveFinance", "ProfitOverview")).not.toBeNull();
  });

  it("signs each user in once and reuses the session", async () => {
    const before = client.stats().signIns;
    await loadCatalogContent(client, "alice@example.com");
    expect(client.stats().signIns).toBe(before);
  });
});
