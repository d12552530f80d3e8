import { afterEach, describe, expect, it } from "vitest";
import { DB_KINDS, migratedDb, type TestDb } from "@/test/db";
import { createAccount } from "./accounts";
import { listRecentViews, recordRecentView, RECENT_LIMIT } from "./recent-views";

let test: TestDb | undefined;
afterEach(async () => {
  await test?.close();
  test = undefined;
});

describe.each(DB_KINDS)("recent views (%s)", (kind) => {
  it("keeps each user's views newest first, one row per view, at most the limit", async () => {
    test = await migratedDb(kind);
    const { db } = test;
    const carol = await createAccount(db, { email: "c@example.com", name: "C", role: "viewer" }, "test");
    const other = await createAccount(db, { email: "o@example.com", name: "O", role: "viewer" }, "test");
    const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
    await recordRecentView(db, { userId: carol.id, view: "A/sheets/One", title: "One", at: at(1) });
    await recordRecentView(db, { userId: carol.id, view: "A/sheets/Two", title: "Two", at: at(2) });
    await recordRecentView(db, { userId: carol.id, view: "A/sheets/One", title: "One", at: at(3) });
    await recordRecentView(db, { userId: other.id, view: "A/sheets/Three", title: "Three", at: at(4) });
    expect((await listRecentViews(db, carol.id)).map((r) => r.title)).toEqual(["One", "Two"]);
    for (let i = 0; i < RECENT_LIMIT + 3; i++)
      await recordRecentView(db, {
        userId: carol.id,
        view: `B/sheets/S${i}`,
        title: `S${i}`,
        at: at(10 + i),
      });
    const list = await listRecentViews(db, carol.id, 100);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]!.title).toBe(`S${RECENT_LIMIT + 2}`);
    expect((await listRecentViews(db, other.id)).map((r) => r.title)).toEqual(["Three"]);
  });
});
