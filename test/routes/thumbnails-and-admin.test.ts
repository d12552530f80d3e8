import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { RunningEmulator } from "../../emulator/server";
import { startTestEmulator } from "../emulator-fixture";
import type * as NextHeaders from "../next-headers";
import { requestHeaders, sessionCookie, usePortalEnv } from "../portal-env";

vi.mock("next/headers", () => import("../next-headers"));

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

let request: typeof NextHeaders;
beforeEach(async () => {
  usePortalEnv({ TABLEAU_SERVER: emu.url });
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  request = (await import("next/headers")) as unknown as typeof NextHeaders;
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("GET /api/thumbnails/{workbookId}/{viewId}", () => {
  async function get(cookie: string | undefined, workbookId: string, viewId: string) {
    const route = await import("../../app/api/thumbnails/[workbookId]/[viewId]/route");
    const headers = requestHeaders(cookie ? { cookie } : {});
    return route.GET(
      new Request(`http://localhost:3100/api/thumbnails/${workbookId}/${viewId}`, { headers }),
      {
        params: Promise.resolve({ workbookId, viewId }),
      },
    );
  }

  it("answers 401 without a session, 403 without a mapping, 400 for a malformed id", async () => {
    expect((await get(undefined, "a", "b")).status).toBe(401);
    const dave = await sessionCookie("dave@example.com");
    expect((await get(dave.header, "a", "b")).status).toBe(403);
    const bob = await sessionCookie("bob@example.com");
    expect((await get(bob.header, "../etc", "b")).status).toBe(400);
    expect((await get(bob.header, "a", "b".repeat(100))).status).toBe(400);
  });

  it("answers 404 for a view the user may not see, and the PNG for one they may", async () => {
    const { getCatalog } = await import("../../lib/catalog");
    const alice = (await getCatalog("alice@example.com"))?.catalog;
    const bob = (await getCatalog("bob@example.com"))?.catalog;
    const seen = new Set(bob?.projects.flatMap((p) => p.workbooks.flatMap((w) => w.views.map((v) => v.id))));
    const all =
      alice?.projects.flatMap((p) => p.workbooks.flatMap((w) => w.views.map((v) => [w.id, v.id]))) ?? [];
    const hidden = all.find(([, viewId]) => !seen.has(viewId ?? ""));
    const shown = all.find(([, viewId]) => seen.has(viewId ?? ""));
    const cookie = (await sessionCookie("bob@example.com")).header;
    expect((await get(cookie, hidden?.[0] ?? "", hidden?.[1] ?? "")).status).toBe(404);
    const ok = await get(cookie, shown?.[0] ?? "", shown?.[1] ?? "");
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("image/png");
  });
});

describe("the listWorkbooks server action", () => {
  async function list(email: string | null, input: unknown) {
    const cookies: Record<string, string> = email
      ? { "authjs.session-token": (await sessionCookie(email)).value }
      : {};
    request.setRequest({ cookies });
    const { listWorkbooks } = await import("../../lib/admin/workbooks/actions");
    return listWorkbooks(input);
  }

  it("refuses anonymous callers and viewers, whatever they post", async () => {
    expect(await list(null, {})).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await list("bob@example.com", {})).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("refuses malformed input with a message, and lists for an admin", async () => {
    const bad = await list("alice@example.com", { pageSize: 7, sort: "secret", q: "x".repeat(300) });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input" } });
    expect(bad.ok ? "" : bad.error.message).toContain("The page size is 25, 50 or 100.");
    const good = await list("alice@example.com", { pageSize: 25 });
    expect(good).toMatchObject({ ok: true, total: expect.any(Number) });
  });
});
