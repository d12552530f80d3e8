import ts from "typescript";
import { viewPageModuleNames } from "./assets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { start } from "./test-helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const ENTRY = "/javascripts/api/tableau.embedding.3.latest.min.js";

/** Follows relative `import … from "./x.js"` through the served files, as a browser would. */
async function moduleGraph(entry: string): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [new URL(entry, emu.url).href];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await fetch(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get("content-type"), url).toBe("application/javascript; charset=utf-8");
    const body = await res.text();
    seen.set(url, body);
    for (const m of body.matchAll(/from "(\.[^"]+)"/g)) queue.push(new URL(m[1]!, url).href);
  }
  return seen;
}

describe("the Embedding API v3 script", () => {
  it("is served as a JavaScript module any page may load, with validators", async () => {
    const res = await fetch(`${emu.url}${ENTRY}`, { headers: { origin: "http://localhost:3001" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = await res.text();
    expect(body).toContain('customElements.define("tableau-viz"');
    const etag = res.headers.get("etag")!;
    expect((await fetch(`${emu.url}${ENTRY}`, { headers: { "if-none-match": etag } })).status).toBe(304);
  });

  it("is one self-contained file, as Tableau serves it, and valid JavaScript (minified and not)", async () => {
    const minified = await moduleGraph(ENTRY);
    const readable = await moduleGraph("/javascripts/api/tableau.embedding.3.latest.js");
    // No import to follow: a page needs one request, not one per level of a module graph.
    expect(minified.size).toBe(1);
    expect(readable.size).toBe(1);
    const [min = ""] = minified.values();
    const [full = ""] = readable.values();
    expect(min.length).toBeLessThan(full.length);
    expect(full).toMatch(/var TableauViz = class extends HTMLElement/);
    expect(full).toContain('customElements.define("tableau-viz", TableauViz)');
    for (const body of [min, full]) expect(body).toContain("/vizportal/api/web/v1/auth/embed/signin");
    expect((await fetch(`${emu.url}/javascripts/api/embedding/viz.js`)).status).toBe(404);
    for (const [url, body] of [...minified, ...readable]) {
      const out = ts.transpileModule(body, {
        reportDiagnostics: true,
        fileName: "m.js",
        compilerOptions: { allowJs: true },
      });
      expect(out.diagnostics ?? [], url).toEqual([]);
    }
  });

  it("serves the view page's modules, and nothing else from its folder", async () => {
    const graph = await moduleGraph("/javascripts/emulator/view-page/main.js");
    // main.js reaches every module of the folder, and the graph holds nothing else.
    expect(graph.size).toBe(viewPageModuleNames().length);
    expect(graph.size).toBe(8);
    expect(
      (await fetch(`${emu.url}/javascripts/emulator/view-page/..%2F..%2Fembed%2Froutes.ts`)).status,
    ).toBe(404);
    expect((await fetch(`${emu.url}/javascripts/api/nothing.js`)).status).toBe(404);
  });
});
