import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator/server";
import { TableauError } from "../errors";
import type { TableauClient } from "./client";
import { startTestEmulator, testClient } from "../../../test/emulator-fixture";

const BOB = "bob@example.com";
let emu: RunningEmulator;
let client: TableauClient;
beforeAll(async () => {
  emu = await startTestEmulator();
  client = testClient(emu);
});
afterAll(() => emu.close());

describe("favorites", () => {
  it("adds, lists (reshaped views) and removes a user's favorite views", async () => {
    const views = await client.listViewsForSite(BOB);
    const trend = views.items.find((v) => v.name === "Monthly Trend")!;
    const region = views.items.find((v) => v.name === "Sales by Region")!;
    expect(await client.listFavoriteViews(BOB)).toEqual([]);
    await client.addFavoriteView(BOB, trend.id, "My trend");
    await client.addFavoriteView(BOB, region.id, "Sales by Region");
    const list = await client.listFavoriteViews(BOB);
    expect(list.map((f) => [f.label, f.view.name, f.view.workbookContentUrl, f.view.sheetUrl])).toEqual([
      ["My trend", "Monthly Trend", "Superstore", "MonthlyTrend"],
      ["Sales by Region", "Sales by Region", "Superstore", "SalesbyRegion"],
    ]);
    await client.removeFavoriteView(BOB, trend.id);
    expect((await client.listFavoriteViews(BOB)).map((f) => f.view.name)).toEqual(["Sales by Region"]);
  });

  it("says Tableau's error when the view cannot be a favorite", async () => {
    const err = await client
      .addFavoriteView(BOB, "00000000-0000-0000-0000-000000000000", "x")
      .catch((e) => e);
    expect(err).toBeInstanceOf(TableauError);
    expect(err).toMatchObject({ status: 404 });
  });
});
