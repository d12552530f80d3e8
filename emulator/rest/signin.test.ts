import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { mintToken } from "../testing/mint";
import { API, getJson, signIn } from "../testing/rest-client";
import { credentialsSchema, errorSchema } from "../testing/wire";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());
beforeEach(() => fetch(`${emu.url}/__emulator/reset`, { method: "POST" }));

const post = (path: string, body: string, headers: Record<string, string>) =>
  fetch(`${emu.url}${path}`, { method: "POST", body, headers });

describe("serverinfo", () => {
  it("answers without sign-in, in JSON or XML", async () => {
    const res = await getJson(`${emu.url}${API}/serverinfo`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ serverInfo: { restApiVersion: "3.28" } });
    const xml = await (await fetch(`${emu.url}/api/3.17/serverinfo`)).text();
    expect(xml).toContain('<tsResponse xmlns="http://tableau.com/api"');
    expect(xml).toContain("<restApiVersion>3.28</restApiVersion>");
    expect(xml).toMatch(/<productVersion build="[^"]+">2025\.3\.0<\/productVersion>/);
  });
});

describe("sign-in", () => {
  it("accepts an XML body and answers XML without Accept: application/json", async () => {
    const jwt = await mintToken();
    const res = await post(
      `${API}/auth/signin`,
      `<tsRequest><credentials jwt="${jwt}"><site contentUrl="vizport-demo"/></credentials></tsRequest>`,
      { "content-type": "application/xml" },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/xml");
    const xml = await res.text();
    expect(xml).toMatch(/<credentials token="[^"]+"/);
    expect(xml).toMatch(/<site id="[^"]+" contentUrl="vizport-demo"\/>/);
  });

  it("accepts an XML body and answers JSON when asked", async () => {
    const jwt = await mintToken();
    const res = await post(
      `${API}/auth/signin`,
      `<?xml version="1.0"?><tsRequest><credentials jwt='${jwt}'><site contentUrl="vizport-demo" /></credentials></tsRequest>`,
      { "content-type": "text/xml", accept: "application/json" },
    );
    expect(credentialsSchema.parse(await res.json()).credentials.site.contentUrl).toBe("vizport-demo");
  });

  it("answers a rejected JWT in XML with the code in the detail", async () => {
    const jwt = await mintToken({ sub: "nobody@example.com" });
    const res = await post(
      `${API}/auth/signin`,
      JSON.stringify({ credentials: { jwt, site: { contentUrl: "vizport-demo" } } }),
      {
        "content-type": "application/json",
      },
    );
    expect(res.status).toBe(401);
    const xml = await res.text();
    expect(xml).toContain('<error code="401001"><summary>Signin Error</summary><detail>');
    expect(xml).toContain("(5)</detail>");
  });

  it("says which site is unknown", async () => {
    const jwt = await mintToken();
    const res = await getJson(`${emu.url}${API}/auth/signin`, undefined, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ credentials: { jwt, site: { contentUrl: "no-such-site" } } }),
    });
    expect(res.status).toBe(404);
    expect(errorSchema.parse(res.body).error).toMatchObject({ code: "404000" });
    expect(errorSchema.parse(res.body).error.detail).toContain("no-such-site");
  });

  it.each([
    ["empty", "", "application/json"],
    ["not JSON", "{credentials", "application/json"],
    [
      "password credentials",
      JSON.stringify({ credentials: { name: "a", password: "b", site: { contentUrl: "" } } }),
      "application/json",
    ],
    [
      "XML without jwt",
      '<tsRequest><credentials name="a"><site contentUrl=""/></credentials></tsRequest>',
      "application/xml",
    ],
    ["XML over 64 KB", `<tsRequest>${" ".repeat(70_000)}</tsRequest>`, "application/xml"],
    ["XML with a DOCTYPE", '<!DOCTYPE x [<!ENTITY e "x">]><tsRequest/>', "application/xml"],
  ])("answers a bad body (%s) with a 400", async (_, body, type) => {
    const res = await getJson(`${emu.url}${API}/auth/signin`, undefined, {
      method: "POST",
      headers: { "content-type": type },
      body,
    });
    expect(res.status).toBe(400);
    expect(errorSchema.parse(res.body).error.code).toBe("400000");
  });

  it("refuses a body over 1 MB with a 413", async () => {
    const res = await getJson(`${emu.url}${API}/auth/signin`, undefined, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "x".repeat(1024 * 1024 + 10),
    });
    expect(res.status).toBe(413);
  });
});

describe("REST sessions", () => {
  const workbooks = (s: { siteId: string }) => `${emu.url}${API}/sites/${s.siteId}/workbooks`;

  it("sign-out answers 204 and the token is invalid afterwards (401002)", async () => {
    const s = await signIn(emu.url);
    expect((await getJson(workbooks(s), s.token)).status).toBe(200);
    const out = await fetch(`${emu.url}${API}/auth/signout`, {
      method: "POST",
      headers: { "x-tableau-auth": s.token },
    });
    expect(out.status).toBe(204);
    const after = await getJson(workbooks(s), s.token);
    expect(after.status).toBe(401);
    expect(errorSchema.parse(after.body).error.code).toBe("401002");
  });

  it("a missing or unknown token is 401002", async () => {
    const s = await signIn(emu.url);
    for (const token of [undefined, "made-up-token"]) {
      const res = await getJson(workbooks(s), token);
      expect(res.status).toBe(401);
      expect(errorSchema.parse(res.body).error.code).toBe("401002");
    }
  });

  it("a session idle past 240 minutes is 401000; a used one stays alive", async () => {
    const idle = await signIn(emu.url);
    const busy = await signIn(emu.url);
    const shift = (offsetSeconds: number) =>
      fetch(`${emu.url}/__emulator/clock`, { method: "POST", body: JSON.stringify({ offsetSeconds }) });
    await shift(200 * 60);
    expect((await getJson(workbooks(busy), busy.token)).status).toBe(200);
    await shift(60 * 60);
    const res = await getJson(workbooks(idle), idle.token);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.code).toBe("401000");
    expect((await getJson(workbooks(busy), busy.token)).status).toBe(200);
  });

  it("the control API can expire every session at once", async () => {
    const s = await signIn(emu.url);
    await fetch(`${emu.url}/__emulator/sessions/expire`, { method: "POST" });
    expect(errorSchema.parse((await getJson(workbooks(s), s.token)).body).error.code).toBe("401000");
  });

  it("a call whose scope the JWT lacked is 401002 naming the scope", async () => {
    const s = await signIn(emu.url, { scopes: ["tableau:views:download"] });
    const res = await getJson(workbooks(s), s.token);
    expect(res.status).toBe(401);
    const { error } = errorSchema.parse(res.body);
    expect(error.code).toBe("401002");
    expect(error.detail).toContain("tableau:content:read");
  });

  it("another site's id in the path is 404000", async () => {
    const s = await signIn(emu.url);
    const res = await getJson(
      `${emu.url}${API}/sites/00000000-0000-4000-8000-000000000000/workbooks`,
      s.token,
    );
    expect(res.status).toBe(404);
    expect(errorSchema.parse(res.body).error.code).toBe("404000");
  });
});
