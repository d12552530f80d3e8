import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveCustomView, updateCustomView } from "@/emulator/core/custom-views";
import type { RunningEmulator } from "@/emulator/server";
import type { TableauClient } from "./client";
import { startTestEmulator, testClient } from "../../../test/emulator-fixture";

const BOB = "bob@example.com";
const CAROL = "carol@example.com";
let emu: RunningEmulator;
let client: TableauClient;
beforeAll(async () => {
  emu = await startTestEmulator();
  client = testClient(emu);
});
afterAll(() => emu.close());

// Custom views are made in the viz (Embedding API); the emulator's own store stands in for that here.
function seed(owner: string, name: string, shared = false) {
  const user = emu.ctx.site.users.find((u) => u.name === owner)!;
  const view = emu.ctx.site.workbooks.flatMap((w) => w.views).find((v) => v.name === "Overview")!;
  const cv = saveCustomView(emu.ctx, user, {
    viewId: view.id,
    name,
    filters: { Region: ["East"] },
    parameters: {},
  });
  if (shared) updateCustomView(emu.ctx, cv, { shared: true });
  return cv;
}

describe("custom views", () => {
  it("lists the user's own custom views only, reshaped", async () => {
    seed(CAROL, "East, 2024");
    seed(BOB, "Bob's", true);
    const mine = await client.listOwnCustomViews(CAROL);
    expect(mine).toEqual([
      expect.objectContaining({ name: "East, 2024", shared: false, viewName: "Overview", ownerName: CAROL }),
    ]);
    expect((await client.listOwnCustomViews(BOB)).map((c) => c.name)).toEqual(["Bob's"]);
  });

  it("reads one by id when the user may see it, else Tableau's 404", async () => {
    const secret = seed(CAROL, "Private");
    const shared = seed(CAROL, "Shared", true);
    expect(await client.getCustomView(CAROL, secret.id)).toMatchObject({ id: secret.id, name: "Private" });
    await expect(client.getCustomView(BOB, secret.id)).rejects.toMatchObject({
      name: "TableauError",
      status: 404,
    });
    expect(await client.getCustomView(BOB, shared.id)).toMatchObject({ shared: true });
    const image = await client.getCustomViewImage(CAROL, secret.id);
    expect(image.contentType).toBe("image/png");
    expect(image.bytes.byteLength).toBeGreaterThan(1000);
  });
});
