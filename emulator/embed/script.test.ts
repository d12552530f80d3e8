import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../server";
import { start } from "./test-helpers";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

describe("the Embedding API v3 script", () => {
  it("is served as a JavaScript module any page may load, with validators", async () => {
    const res = await fetch(`${emu.url}/javascripts/api/tableau.embedding.3.latest.min.js`, {
      headers: { origin: "http://localhost:3001" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/javascript; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const body = await res.text();
    expect(body).toContain('customElements.define("tableau-viz", TableauViz)');
    expect(body).toMatch(/export class TableauViz extends HTMLElement/);
    expect(body).toContain("/vizportal/api/web/v1/auth/embed/signin");
    const etag = res.headers.get("etag")!;
    const again = await fetch(`${emu.url}/javascripts/api/tableau.embedding.3.latest.min.js`, {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
  });

  it("parses as an ES module", async () => {
    const body = await (await fetch(`${emu.url}/javascripts/api/tableau.embedding.3.latest.min.js`)).text();
    // Compile only (running it needs a DOM): a function body cannot hold `export`, so drop the keyword.
    expect(() => new Function(body.replace(/^export /gm, ""))).not.toThrow();
  });
});
