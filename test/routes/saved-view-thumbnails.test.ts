import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { saveCustomView } from "../../emulator/core/custom-views";
import type { RunningEmulator } from "../../emulator/server";
import { startTestEmulator } from "../emulator-fixture";
import { requestHeaders, sessionCookie, usePortalEnv } from "../portal-env";

vi.mock("next/headers", () => import("../next-headers"));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  usePortalEnv({ TABLEAU_SERVER: emu.url });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function get(cookie: string | undefined, customViewId: string) {
  const route = await import("../../app/api/saved-view-thumbnails/[customViewId]/route");
  const headers = requestHeaders(cookie ? { cookie } : {});
  return route.GET(
    new Request(`http://localhost:3100/api/saved-view-thumbnails/${customViewId}`, { headers }),
    {
      params: Promise.resolve({ customViewId }),
    },
  );
}

// Custom views are made in the viz; the emulator's own store stands in for that here.
function carolsCustomView(): string {
  const carol = emu.ctx.site.users.find((u) => u.name === "carol@example.com")!;
  const view = emu.ctx.site.workbooks.flatMap((w) => w.views).find((v) => v.name === "Overview")!;
  return saveCustomView(emu.ctx, carol, { viewId: view.id, name: "East", filters: {}, parameters: {} }).id;
}

describe("GET /api/saved-view-thumbnails/{customViewId}", () => {
  it("answers 401 without a session, 403 without a mapping, 400 for a malformed id", async () => {
    expect((await get(undefined, "a")).status).toBe(401);
    expect((await get((await sessionCookie("dave@example.com")).header, "a")).status).toBe(403);
    const bob = (await sessionCookie("bob@example.com")).header;
    expect((await get(bob, "../etc")).status).toBe(400);
    expect((await get(bob, "x".repeat(65))).status).toBe(400);
  });

  it("gives the owner the PNG and anyone else a 404 for a private saved view", async () => {
    const id = carolsCustomView();
    const mine = await get((await sessionCookie("carol@example.com")).header, id);
    expect(mine.status).toBe(200);
    expect(mine.headers.get("content-type")).toBe("image/png");
    expect(mine.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect((await mine.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const bob = await get((await sessionCookie("bob@example.com")).header, id);
    expect(bob.status).toBe(404);
    expect(await bob.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });
});
