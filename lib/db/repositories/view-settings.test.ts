import { afterEach, describe, expect, it } from "vitest";
import { DB_KINDS, migratedDb, type TestDb } from "@/test/db";
import { listAudit } from "./audit";
import { getViewSettings, saveViewSettings, ViewSettingsError } from "./view-settings";

let test: TestDb | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe.each(DB_KINDS)("view settings (%s)", (kind) => {
  it("defaults to showing everything, saves with versions, refuses a stale save and audits each", async () => {
    test = await migratedDb(kind);
    const { db } = test;
    const view = "Superstore/sheets/SalesbyRegion";
    expect(await getViewSettings(db, view)).toEqual({
      settings: { hiddenFilters: [], hiddenParameters: [] },
      version: 0,
    });
    const first = { hiddenFilters: ["Category"], hiddenParameters: [] };
    expect(
      await saveViewSettings(db, { view, settings: first, expectedVersion: 0, actor: "alice@example.com" }),
    ).toEqual({
      settings: first,
      version: 1,
    });
    const second = { hiddenFilters: [], hiddenParameters: ["Top N"] };
    await saveViewSettings(db, { view, settings: second, expectedVersion: 1, actor: "alice@example.com" });
    const stale = saveViewSettings(db, {
      view,
      settings: first,
      expectedVersion: 1,
      actor: "bob@example.com",
    });
    await expect(stale).rejects.toBeInstanceOf(ViewSettingsError);
    await expect(stale).rejects.toMatchObject({ code: "STALE_EDIT" });
    expect(await getViewSettings(db, view)).toEqual({ settings: second, version: 2 });
    expect(await getViewSettings(db, "Other/sheets/View")).toMatchObject({ version: 0 });
    const audit = await listAudit(db, { target: view });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["view.controls", "alice@example.com"],
      ["view.controls", "alice@example.com"],
    ]);
  });

  it("reads a damaged row as the default instead of failing the page", async () => {
    test = await migratedDb(kind);
    await test.db
      .insertInto("view_settings")
      .values({ view: "X/sheets/Y", settings: "{not json", version: 3, updated_at: "t", updated_by: "x" })
      .execute();
    expect(await getViewSettings(test.db, "X/sheets/Y")).toEqual({
      settings: { hiddenFilters: [], hiddenParameters: [] },
      version: 3,
    });
  });
});
