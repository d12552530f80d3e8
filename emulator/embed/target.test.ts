import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { markKeys, mint, start } from "./test-helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const TARGET = "/t/vizport-demo/views/Superstore/SalesbyRegion?:embed=y&Category=Technology";

async function target(
  token: string,
  target: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  const q = new URLSearchParams({ token, target });
  return fetch(`${emu.url}/vizportal/api/web/v1/auth/embed/target?${q}`, {
    redirect: "manual",
    headers: { referer: "http://localhost:3000/views/Superstore/SalesbyRegion", ...headers },
  });
}

describe("GET /vizportal/api/web/v1/auth/embed/target", () => {
  it("signs in, sets the cookie and redirects to the view, which then shows the user's data", async () => {
    const res = await target(await mint("carol@example.com", { claims: { Region: "East" } }), TARGET);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(TARGET);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const page = await (await fetch(`${emu.url}${TARGET}`, { headers: { cookie } })).text();
    expect(markKeys(page)).toEqual(["East"]);
    expect(emu.ctx.state.signins.at(-1)).toMatchObject({
      kind: "embed-target",
      outcome: "ok",
      origin: "http://localhost:3000",
    });
  });

  it("refuses open redirects with a 400 and does not spend the token", async () => {
    const jwt = await mint("alice@example.com");
    for (const bad of [
      "//evil.example/x",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      const res = await target(jwt, bad);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    expect((await target(jwt, TARGET)).status).toBe(302);
  });

  it("answers a bad token with a 401 page carrying the Connected App code", async () => {
    const res = await target(await mint("erin@example.com"), TARGET);
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    const page = await res.text();
    expect(page).toContain("Sign-in failed");
    expect(page).toContain("(5)");
  });

  it("checks the embedding page's origin from the Referer", async () => {
    const res = await target(await mint("alice@example.com"), TARGET, {
      referer: "http://localhost:4000/page",
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("(10093)");
  });
});
