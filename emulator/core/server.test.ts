import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { errorSchema } from "../testing/wire";
import { loadSiteFile } from "./load-site";
import { createContext } from "./create-context";
import { createRequestHandler } from "./handle";
import { Router } from "./http";

let emu: RunningEmulator;
const lines: string[] = [];
beforeAll(async () => {
  emu = await startEmulator({ port: 0, log: (l) => lines.push(l) });
});
afterAll(() => emu.close());

describe("server", () => {
  it("answers an unknown path with 404 in Tableau's shape, JSON or XML", async () => {
    const res = await fetch(`${emu.url}/nowhere`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(404);
    expect(errorSchema.parse(await res.json()).error.code).toBe("404000");
    const xml = await (await fetch(`${emu.url}/nowhere`)).text();
    expect(xml).toContain('<error code="404000"><summary>');
  });

  it("answers a wrong method with 405 and Allow", async () => {
    const res = await fetch(`${emu.url}/api/3.28/auth/signin`, { headers: { accept: "application/json" } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(errorSchema.parse(await res.json()).error.code).toBe("405000");
  });

  it("treats a //host/path target as a path on this server (404), never another host", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${emu.url}//evil.example/__emulator/health`, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(404);
  });

  it("logs one line per request, with token parameters redacted", async () => {
    await fetch(`${emu.url}/nowhere?token=secret-token-value&x=1`);
    const line = lines.find((l) => l.includes("/nowhere?"));
    expect(line).toMatch(/^GET \/nowhere\?token=redacted&x=1 404 \d+\.\dms$/);
    expect(lines.join("\n")).not.toContain("secret-token-value");
  });

  it("turns a handler exception into a Tableau-shaped 500 without a stack", async () => {
    const router = new Router().add("GET", "/boom", () => {
      throw new Error("internal detail /srv/secret at line 3");
    });
    const ctx = createContext(loadSiteFile());
    const logged: string[] = [];
    const server = createServer(
      createRequestHandler(ctx, router, { quiet: false, log: (l) => logged.push(l) }),
    );
    await new Promise<void>((r) => server.listen(0, "localhost", r));
    try {
      const res = await fetch(`http://localhost:${(server.address() as AddressInfo).port}/boom`, {
        headers: { accept: "application/json" },
      });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(errorSchema.parse(JSON.parse(text)).error.code).toBe("500000");
      expect(text).not.toContain("internal detail");
      expect(text).not.toContain("at ");
    } finally {
      server.close();
    }
  });
});
