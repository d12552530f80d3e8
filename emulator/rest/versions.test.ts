import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { mintToken } from "../testing/mint";
import { getJson, signIn } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";
import { readXmlTags } from "./xml";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
});
afterAll(() => emu.close());

const EVERY_VERSION = [
  ...Array.from({ length: 5 }, (_, i) => `2.${i + 4}`),
  ...Array.from({ length: 29 }, (_, i) => `3.${i}`),
];

describe("version discovery", () => {
  it("discovers the version as client libraries do (old version first), then signs in and lists workbooks", async () => {
    // Tableau's Python client: GET {server}/api/2.4/serverInfo, XML, no sign-in; then it switches versions.
    const info = await fetch(`${emu.url}/api/2.4/serverInfo`);
    expect(info.status).toBe(200);
    const version = /<restApiVersion>([^<]+)<\/restApiVersion>/.exec(await info.text())?.[1];
    expect(version).toBe("3.28");

    const jwt = await mintToken();
    const signin = await fetch(`${emu.url}/api/${version}/auth/signin`, {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: `<tsRequest><credentials jwt="${jwt}"><site contentUrl="vizport-demo"/></credentials></tsRequest>`,
    });
    expect(signin.status).toBe(200);
    const tags = readXmlTags(await signin.text());
    const token = tags.find((t) => t.name === "credentials")?.attributes.token ?? "";
    const siteId = tags.find((t) => t.name === "site")?.attributes.id ?? "";

    const list = await fetch(`${emu.url}/api/${version}/sites/${siteId}/workbooks`, {
      headers: { "x-tableau-auth": token },
    });
    expect(list.status).toBe(200);
    const names = readXmlTags(await list.text())
      .filter((t) => t.name === "workbook")
      .map((t) => t.attributes.name);
    expect(names).toEqual(["Superstore", "Regional Performance", "Executive Finance", "Operations"]);
  });

  it.each(EVERY_VERSION)("answers Server Info at %s, as serverinfo and serverInfo", async (v) => {
    for (const name of ["serverinfo", "serverInfo", "ServerInfo"]) {
      const res = await getJson(`${emu.url}/api/${v}/${name}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ serverInfo: { restApiVersion: "3.28" } });
    }
  });

  it.each(["2.9", "3.29", "1.0", "4.0", "latest", "03.1", "3.x"])(
    "answers a version the server does not have (%s) with 404001, in JSON and XML",
    async (v) => {
      const res = await getJson(`${emu.url}/api/${v}/serverinfo`);
      expect(res.status).toBe(404);
      expect(errorSchema.parse(res.body).error).toMatchObject({ code: "404001" });
      expect(errorSchema.parse(res.body).error.detail).toContain("not a valid version of the API");
      const xml = await (await fetch(`${emu.url}/api/${v}/workbooks`)).text();
      expect(xml).toContain("<error code=");
    },
  );

  it("answers a method asked for below the version that introduced it with 404003", async () => {
    const old = await getJson(`${emu.url}/api/2.3/serverinfo`);
    expect(old.status).toBe(404);
    expect(errorSchema.parse(old.body).error.code).toBe("404003");
    const alice = await signIn(emu.url);
    const views = (await getJson(`${emu.url}/api/3.28/sites/${alice.siteId}/views`, alice.token)).body as {
      views: { view: Array<{ id: string }> };
    };
    const viewId = views.views.view[0]!.id;
    const excel = await getJson(
      `${emu.url}/api/3.7/sites/${alice.siteId}/views/${viewId}/crosstab/excel`,
      alice.token,
    );
    expect(excel.status).toBe(404);
    expect(errorSchema.parse(excel.body).error).toMatchObject({ code: "404003" });
    expect(errorSchema.parse(excel.body).error.detail).toContain("3.8 or later");
    // A session works at every version its methods exist at: the token is not tied to a version.
    expect((await getJson(`${emu.url}/api/2.3/sites/${alice.siteId}/workbooks`, alice.token)).status).toBe(
      200,
    );
  });

  it("refuses a JWT sign-in below 3.17 with a 400 that names the version needed", async () => {
    const jwt = await mintToken();
    const res = await getJson(`${emu.url}/api/3.16/auth/signin`, undefined, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ credentials: { jwt, site: { contentUrl: "vizport-demo" } } }),
    });
    expect(res.status).toBe(400);
    expect(errorSchema.parse(res.body).error.detail).toContain("3.17 or later");
  });
});
