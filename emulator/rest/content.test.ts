import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, getXml, signIn, xmlErrorCode, type Signed } from "../testing/rest-client";
import { errorSchema, workbooksPageSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let bob: Signed;
const SCOPES = ["tableau:content:read", "tableau:permissions:read", "tableau:jobs:read"];
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url, { scopes: SCOPES });
  bob = await signIn(emu.url, { sub: "bob@example.com", scopes: SCOPES });
});
afterAll(() => emu.close());

const site = (s: Signed) => `${emu.url}${API}/sites/${s.siteId}`;
const code = (body: unknown) => errorSchema.parse(body).error.code;
const workbookId = async (name: string) =>
  workbooksPageSchema.parse(
    (await getJson(`${site(alice)}/workbooks?filter=name:eq:${name}`, alice.token)).body,
  ).workbooks.workbook![0]!.id;
const projectId = async (name: string) =>
  (
    (await getJson(`${site(alice)}/projects?filter=name:eq:${name}`, alice.token)).body as {
      projects: { project: Array<{ id: string }> };
    }
  ).projects.project[0]!.id;

describe("data sources", () => {
  it("lists the published data source the demo workbooks use, in JSON and XML", async () => {
    const res = await getJson(`${site(bob)}/datasources`, bob.token);
    expect(res.body).toMatchObject({
      pagination: { totalAvailable: "1" },
      datasources: {
        datasource: [
          {
            name: "Superstore Orders",
            contentUrl: "SuperstoreOrders",
            type: "hyper",
            isCertified: "true",
            project: { name: "Sales" },
          },
        ],
      },
    });
    const xml = await getXml(`${site(bob)}/datasources?filter=type:eq:hyper&fields=id,name`, bob.token);
    expect(xml.tags.find((t) => t.name === "datasource")?.attributes).toEqual({
      id: expect.any(String),
      name: "Superstore Orders",
    });
    const none = await getJson(`${site(bob)}/datasources?filter=isCertified:eq:false`, bob.token);
    expect(none.body).toMatchObject({ pagination: { totalAvailable: "0" }, datasources: {} });
  });

  it("returns one data source by id; an unknown one is 404011 in JSON and XML", async () => {
    const list = (await getJson(`${site(alice)}/datasources`, alice.token)).body as {
      datasources: { datasource: Array<{ id: string }> };
    };
    const id = list.datasources.datasource[0]!.id;
    expect((await getJson(`${site(alice)}/datasources/${id}`, alice.token)).body).toMatchObject({
      datasource: { id, name: "Superstore Orders" },
    });
    expect(code((await getJson(`${site(alice)}/datasources/nope`, alice.token)).body)).toBe("404011");
    expect(xmlErrorCode((await getXml(`${site(alice)}/datasources/nope`, alice.token)).tags)).toBe("404011");
  });

  it("lists a workbook's connections to it", async () => {
    const wb = await workbookId("Superstore");
    const res = await getJson(`${site(bob)}/workbooks/${wb}/connections`, bob.token);
    expect(res.body).toMatchObject({
      connections: {
        connection: [
          { type: "sqlproxy", datasource: { name: "Superstore Orders" }, serverAddress: "localhost" },
        ],
      },
    });
    const xml = await getXml(`${site(bob)}/workbooks/${wb}/connections`, bob.token);
    expect(xml.tags.find((t) => t.name === "connection")?.attributes.type).toBe("sqlproxy");
    const finance = await workbookId("Executive%20Finance");
    expect(code((await getJson(`${site(bob)}/workbooks/${finance}/connections`, bob.token)).body)).toBe(
      "404006",
    );
  });

  it("needs tableau:content:read", async () => {
    const s = await signIn(emu.url, { scopes: ["tableau:views:download"] });
    expect(code((await getJson(`${site(s)}/datasources`, s.token)).body)).toBe("401002");
  });
});

describe("permissions", () => {
  it("shows the emulator's model: Sales open to All Users, Finance denied to them", async () => {
    const sales = await getJson(
      `${site(alice)}/projects/${await projectId("Sales")}/permissions`,
      alice.token,
    );
    expect(sales.body).toMatchObject({
      permissions: {
        project: { name: "Sales" },
        granteeCapabilities: [
          {
            group: { id: expect.any(String) },
            capabilities: { capability: [{ name: "Read", mode: "Allow" }] },
          },
        ],
      },
    });
    const finance = await getXml(
      `${site(alice)}/workbooks/${await workbookId("Executive%20Finance")}/permissions`,
      alice.token,
    );
    const caps = finance.tags.filter((t) => t.name === "capability");
    expect(caps.map((t) => t.attributes.name)).toContain("Read");
    expect(new Set(caps.map((t) => t.attributes.mode))).toEqual(new Set(["Deny"]));
    expect(finance.tags.find((t) => t.name === "workbook")?.attributes.name).toBe("Executive Finance");
  });

  it("answers content the caller may not see with 404 (workbook 404006, project 404005)", async () => {
    const wb = await workbookId("Executive%20Finance");
    expect(code((await getJson(`${site(bob)}/workbooks/${wb}/permissions`, bob.token)).body)).toBe("404006");
    const finance = await projectId("Finance");
    expect(xmlErrorCode((await getXml(`${site(bob)}/projects/${finance}/permissions`, bob.token)).tags)).toBe(
      "404005",
    );
    const open = await getJson(
      `${site(bob)}/workbooks/${await workbookId("Superstore")}/permissions`,
      bob.token,
    );
    expect(open.status).toBe(200);
  });

  it("needs tableau:permissions:read", async () => {
    const s = await signIn(emu.url, { scopes: ["tableau:content:read"] });
    const res = await getJson(`${site(s)}/projects/${await projectId("Sales")}/permissions`, s.token);
    expect(res.status).toBe(401);
    expect(errorSchema.parse(res.body).error.detail).toContain("tableau:permissions:read");
  });
});

describe("Query Jobs", () => {
  it("answers an empty, well-formed list to a site administrator, in JSON and XML", async () => {
    const res = await getJson(`${site(alice)}/jobs?pageSize=10`, alice.token);
    expect(res.body).toEqual({
      pagination: { pageNumber: "1", pageSize: "10", totalAvailable: "0" },
      backgroundJobs: {},
    });
    const xml = await getXml(`${site(alice)}/jobs?filter=status:eq:Failed&sort=createdAt:desc`, alice.token);
    expect(xml.status).toBe(200);
    expect(xml.tags.map((t) => t.name)).toEqual(["tsResponse", "pagination", "backgroundJobs"]);
  });

  it("checks filters and refuses anyone but site administrators with 403000", async () => {
    expect(code((await getJson(`${site(alice)}/jobs?filter=colour:eq:red`, alice.token)).body)).toBe(
      "400065",
    );
    expect(code((await getJson(`${site(bob)}/jobs`, bob.token)).body)).toBe("403000");
    expect(code((await getJson(`${emu.url}/api/3.0/sites/${alice.siteId}/jobs`, alice.token)).body)).toBe(
      "404003",
    );
  });
});
