/**
 * The emulator's <tableau-viz> in a real browser: each worksheet's own quick filters with their domains (within
 * the viewer's row-level security), workbook parameters, changeParameterValueAsync's settling rules and the
 * parameterchanged event.
 */
import type { Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserHarness, waitForEvent, type BrowserHarness } from "./browser-harness";
import { mint } from "./test-helpers";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
}, 60_000);
afterAll(async () => h?.close());

async function open(path: string, view: string, user: string, inner = ""): Promise<Page> {
  const token = await mint(user, user === "carol@example.com" ? { claims: { Region: "East" } } : {});
  const url = h.page(
    path,
    `<!doctype html><html><body>
<script type="module" src="${h.emu.url}/javascripts/api/tableau.embedding.3.latest.min.js"></script>
<tableau-viz id="viz" src="${h.emu.url}/t/vizport-demo/views/${view}" token="${token}">${inner}</tableau-viz>
<script>
  window.events = [];
  const viz = document.getElementById("viz");
  for (const type of ["firstinteractive", "parameterchanged"]) {
    viz.addEventListener(type, async (e) => {
      const p = type === "parameterchanged" ? await e.detail.getParameterAsync() : null;
      window.events.push({ type, name: p?.name, value: p?.currentValue.value });
    });
  }
</script></body></html>`,
  );
  const page = await (await h.browser.newContext()).newPage();
  await page.goto(url);
  await waitForEvent(page, "firstinteractive");
  return page;
}

const marks = (page: Page) =>
  page
    .frameLocator("tableau-viz iframe")
    .locator(".mark")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-key")));

describe("<tableau-viz> controls (emulator)", () => {
  it("lists a worksheet's own filters with the domain the viewer's data holds", async () => {
    const page = await open("/carol-filters", "Superstore/SalesbyRegion", "carol@example.com");
    const filters = await page.evaluate(async () => {
      type F = {
        fieldName: string;
        isAllSelected: boolean;
        getDomainAsync: () => Promise<{ values: { value: string }[] }>;
      };
      const viz = document.getElementById("viz") as unknown as {
        workbook: { activeSheet: { getFiltersAsync: () => Promise<F[]> } };
      };
      const list = await viz.workbook.activeSheet.getFiltersAsync();
      return Promise.all(
        list.map(async (f) => [
          f.fieldName,
          f.isAllSelected,
          (await f.getDomainAsync()).values.map((v) => v.value),
        ]),
      );
    });
    expect(filters).toEqual([
      ["Region", true, ["East"]],
      ["Category", true, ["Furniture", "Office Supplies", "Technology"]],
    ]);
    await page.context().close();
  });

  it("has no Region filter on a worksheet without one, and no parameters in a workbook without them", async () => {
    const page = await open("/alice-finance", "ExecutiveFinance/ProfitOverview", "alice@example.com");
    const out = await page.evaluate(async () => {
      const viz = document.getElementById("viz") as unknown as {
        workbook: {
          activeSheet: { getFiltersAsync: () => Promise<{ fieldName: string }[]> };
          getParametersAsync: () => Promise<unknown[]>;
        };
      };
      const filters = await viz.workbook.activeSheet.getFiltersAsync();
      return {
        fields: filters.map((f) => f.fieldName),
        params: (await viz.workbook.getParametersAsync()).length,
      };
    });
    expect(out).toEqual({ fields: ["Category"], params: 0 });
    await page.context().close();
  });

  it("changes a range parameter (clamped, snapped), redraws, fires parameterchanged and refuses unknown names", async () => {
    const page = await open("/alice-params", "Superstore/SalesbyRegion", "alice@example.com");
    expect(await marks(page)).toHaveLength(4);
    const out = await page.evaluate(async () => {
      type P = { name: string; dataType: string; currentValue: { value: number }; allowableValues: unknown };
      const viz = document.getElementById("viz") as unknown as {
        workbook: {
          getParametersAsync: () => Promise<P[]>;
          changeParameterValueAsync: (n: string, v: unknown) => Promise<P>;
        };
      };
      const [param] = await viz.workbook.getParametersAsync();
      const clamped = await viz.workbook.changeParameterValueAsync("Top N", 42);
      const snapped = await viz.workbook.changeParameterValueAsync("top n", "2.7");
      const refused = await viz.workbook
        .changeParameterValueAsync("Top M", 1)
        .then(() => "resolved")
        .catch((e: { errorCode: string }) => e.errorCode);
      return { param, clamped: clamped.currentValue.value, snapped: snapped.currentValue.value, refused };
    });
    expect(out.param).toMatchObject({
      name: "Top N",
      dataType: "int",
      currentValue: { value: 10 },
      allowableValues: { type: "range", minValue: { value: 1 }, maxValue: { value: 10 }, stepSize: 1 },
    });
    expect(out).toMatchObject({ clamped: 10, snapped: 2, refused: "invalid-parameter" });
    await expect.poll(() => marks(page)).toHaveLength(2);
    // 42 clamps to 10, the value it had: no change, no event; 2.7 snaps to 2: one event.
    const events = await page.evaluate(() => (window as unknown as { events: object[] }).events);
    expect(events.filter((e) => (e as { type: string }).type === "parameterchanged")).toEqual([
      { type: "parameterchanged", name: "Top N", value: 2 },
    ]);
    await page.context().close();
  });

  it("takes a list parameter's alias, and a <viz-parameter> child at load", async () => {
    const page = await open(
      "/alice-list",
      "Superstore/SalesbyRegion",
      "alice@example.com",
      `<viz-parameter name="Top N" value="3"></viz-parameter>`,
    );
    expect(await marks(page)).toHaveLength(3);
    await page.context().close();
    const regional = await open("/alice-measure", "RegionalPerformance/RegionProfit", "alice@example.com");
    const value = await regional.evaluate(async () => {
      const viz = document.getElementById("viz") as unknown as {
        workbook: {
          changeParameterValueAsync: (n: string, v: unknown) => Promise<{ currentValue: { value: string } }>;
        };
      };
      return (await viz.workbook.changeParameterValueAsync("Measure", "Profit")).currentValue.value;
    });
    expect(value).toBe("profit");
    await expect
      .poll(() => regional.frameLocator("tableau-viz iframe").locator("#vz-parameters").innerText())
      .toContain("Measure: Profit");
    await regional.context().close();
  });
});
