import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn as embedSignIn } from "../embed/test-helpers";
import { startEmulator, type RunningEmulator } from "../server";
import { API, getJson, getXml, signIn, type Signed } from "../testing/rest-client";
import { errorSchema } from "../testing/wire";

let emu: RunningEmulator;
let alice: Signed;
let cookie: string;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, quiet: true });
  alice = await signIn(emu.url);
  cookie = await embedSignIn(emu, "alice@example.com");
});
afterAll(() => emu.close());

const site = () => `${emu.url}${API}/sites/${alice.siteId}`;
const open = async (path: string) => {
  const res = await fetch(`${emu.url}/t/vizport-demo/views/${path}`, { headers: { cookie } });
  expect(res.status).toBe(200);
};
interface UsageView {
  id: string;
  name: string;
  usage?: { totalViewCount: string };
}
const views = async (query: string) =>
  ((await getJson(`${site()}/views?${query}`, alice.token)).body as { views: { view?: UsageView[] } }).views
    .view ?? [];
const count = (list: UsageView[], name: string) => list.find((v) => v.name === name)?.usage?.totalViewCount;

describe("usage statistics", () => {
  it("counts view page loads on Query Views for Site, Get View and Query Views for Workbook", async () => {
    expect(count(await views("includeUsageStatistics=true"), "Monthly Trend")).toBe("0");
    await open("Superstore/MonthlyTrend");
    await open("Superstore/MonthlyTrend?Region=East");
    await open("Superstore/SalesbyRegion");
    const listed = await views("includeUsageStatistics=true");
    expect(count(listed, "Monthly Trend")).toBe("2");
    expect(count(listed, "Sales by Region")).toBe("1");
    expect(count(listed, "Overview")).toBe("0");

    const id = listed.find((v) => v.name === "Monthly Trend")!.id;
    const one = await getJson(`${site()}/views/${id}?includeUsageStatistics=true`, alice.token);
    expect(one.body).toMatchObject({ view: { id, usage: { totalViewCount: "2" } } });
    const xml = await getXml(`${site()}/views/${id}?includeUsageStatistics=true`, alice.token);
    expect(xml.tags.find((t) => t.name === "usage")?.attributes).toEqual({ totalViewCount: "2" });
    const wb = (one.body as { view: { workbook: { id: string } } }).view.workbook.id;
    const inWorkbook = await getJson(
      `${site()}/workbooks/${wb}/views?includeUsageStatistics=true`,
      alice.token,
    );
    expect(count((inWorkbook.body as { views: { view: UsageView[] } }).views.view, "Monthly Trend")).toBe(
      "2",
    );
  });

  it("leaves usage out unless asked, keeps it with fields, and sorts and filters on hitsTotal as counts change", async () => {
    expect((await views("")).every((v) => v.usage === undefined)).toBe(true);
    const picked = await views("fields=id,name&includeUsageStatistics=true");
    expect(Object.keys(picked[0]!).sort()).toEqual(["id", "name", "usage"]);
    await open("Operations/CategorySales");
    await open("Operations/CategorySales");
    await open("Operations/CategorySales");
    expect((await views("sort=hitsTotal:desc"))[0]!.name).toBe("Category Sales");
    const before = (await views("filter=hitsTotal:gte:4")).map((v) => v.name);
    await open("Operations/CategorySales");
    expect(before).not.toContain("Category Sales");
    expect((await views("filter=hitsTotal:gte:4")).map((v) => v.name)).toContain("Category Sales");
  });

  it("rejects includeUsageStatistics that is not true or false; reset clears the counts", async () => {
    const res = await getJson(`${site()}/views?includeUsageStatistics=yes`, alice.token);
    expect(errorSchema.parse(res.body).error.code).toBe("400000");
    await fetch(`${emu.url}/__emulator/reset`, { method: "POST" });
    const s = await signIn(emu.url);
    const after = await getJson(
      `${emu.url}${API}/sites/${s.siteId}/views?includeUsageStatistics=true`,
      s.token,
    );
    const list = (after.body as { views: { view: UsageView[] } }).views.view;
    expect(list.every((v) => v.usage?.totalViewCount === "0")).toBe(true);
  });
});
