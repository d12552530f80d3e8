/**
 * The emulator's <tableau-viz> custom view methods in a real browser: save (upsert by name), list, show
 * (and back to the original view), make default, remove, the customview* events with `detail.customView`,
 * `invalid-custom-view-name` for an unknown name, and the default custom view loading on the next visit.
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

const EVENTS = [
  "firstinteractive",
  "customviewloaded",
  "customviewsaved",
  "customviewremoved",
  "customviewsetdefault",
];

async function open(path: string): Promise<Page> {
  const token = await mint("carol@example.com", { claims: { Region: "East" } });
  const url = h.page(
    path,
    `<!doctype html><html><body>
<script type="module" src="${h.emu.url}/javascripts/api/tableau.embedding.3.latest.min.js"></script>
<tableau-viz id="viz" src="${h.emu.url}/t/vizport-demo/views/Superstore/Overview" token="${token}"></tableau-viz>
<script>
  window.events = [];
  const viz = document.getElementById("viz");
  for (const type of ${JSON.stringify(EVENTS)}) {
    viz.addEventListener(type, (e) => {
      const cv = e.detail && e.detail.customView;
      window.events.push({ type, name: cv ? cv.name : null, isDefault: cv ? cv.default : null });
    });
  }
</script></body></html>`,
  );
  const page = await (await h.browser.newContext()).newPage();
  await page.goto(url);
  await waitForEvent(page, "firstinteractive");
  return page;
}

type Ev = { type: string; name: string | null; isDefault: boolean | null };
interface Out {
  saved: { name: string; shared: boolean; isDefault: boolean; ownerName: string; url: string };
  [key: string]: unknown;
}
const events = (page: Page) => page.evaluate(() => (window as unknown as { events: Ev[] }).events);

describe("<tableau-viz> custom views", () => {
  it("saves, lists, shows, makes default and removes, with the documented events", async () => {
    const page = await open("/cv-1.html");
    const out = (await page.evaluate(`(async () => {
      const viz = document.getElementById("viz");
      const wb = viz.workbook;
      const sheet = wb.activeSheet.worksheets[0];
      await sheet.applyFilterAsync("Region", ["East"], "replace");
      await wb.changeParameterValueAsync("Top N", 5);
      const saved = await wb.saveCustomViewAsync("East, 2024");
      await wb.saveCustomViewAsync("East, 2024"); // the same name again updates it
      const list1 = (await wb.getCustomViewsAsync()).map((c) => c.name);
      const shownNull = await wb.showCustomViewAsync(null);
      const afterRevert = (await wb.activeSheet.getFiltersAsync()).find(
        (f) => f.fieldName === "Region",
      );
      const topAfterRevert = (await wb.getParametersAsync())[0].currentValue.value;
      const shown = await wb.showCustomViewAsync("East, 2024");
      const afterShow = (await wb.activeSheet.getFiltersAsync()).find(
        (f) => f.fieldName === "Region",
      );
      const topAfterShow = (await wb.getParametersAsync())[0].currentValue.value;
      await wb.setActiveCustomViewAsDefaultAsync();
      const active = wb.activeCustomView;
      let unknown = "";
      await wb.showCustomViewAsync("Nope").catch((e) => (unknown = e.errorCode));
      let unknownRemove = "";
      await wb
        .removeCustomViewAsync("Nope")
        .catch((e) => (unknownRemove = e.errorCode));
      return {
        saved: {
          name: saved.name,
          shared: saved.shared,
          isDefault: saved.default,
          ownerName: saved.ownerName,
          url: saved.url,
        },
        list1,
        shownNull: shownNull ?? null,
        afterRevert: afterRevert.isAllSelected,
        topAfterRevert,
        shown: shown.name,
        afterShow: afterShow.appliedValues.map((v) => v.value),
        topAfterShow,
        active: { name: active.name, isDefault: active.default },
        unknown,
        unknownRemove,
      };
    })()`)) as Out;
    expect(out.saved).toMatchObject({
      name: "East, 2024",
      shared: false,
      isDefault: false,
      ownerName: "carol@example.com",
    });
    expect(out.saved.url).toMatch(/\/t\/vizport-demo\/views\/Superstore\/Overview\/[0-9a-f-]{36}\/East2024$/);
    expect(out.list1).toEqual(["East, 2024"]);
    expect(out).toMatchObject({
      shownNull: null,
      afterRevert: true,
      topAfterRevert: 10,
      shown: "East, 2024",
      afterShow: ["East"],
      topAfterShow: 5,
      active: { name: "East, 2024", isDefault: true },
      unknown: "invalid-custom-view-name",
      unknownRemove: "invalid-custom-view-name",
    });
    expect((await events(page)).filter((e) => e.type !== "firstinteractive")).toEqual([
      { type: "customviewsaved", name: "East, 2024", isDefault: false },
      { type: "customviewsaved", name: "East, 2024", isDefault: false },
      { type: "customviewloaded", name: null, isDefault: null },
      { type: "customviewloaded", name: "East, 2024", isDefault: false },
      { type: "customviewsetdefault", name: "East, 2024", isDefault: true },
    ]);

    // A fresh visit opens the default custom view and says so after firstinteractive.
    const next = await open("/cv-2.html");
    await waitForEvent(next, "customviewloaded");
    expect((await events(next)).map((e) => e.type)).toEqual(["firstinteractive", "customviewloaded"]);
    const region = await next.evaluate(`(async () => {
      const viz = document.getElementById("viz");
      const f = (await viz.workbook.activeSheet.getFiltersAsync()).find(
        (x) => x.fieldName === "Region",
      );
      const removed = await viz.workbook.removeCustomViewAsync("East, 2024");
      return {
        values: f.appliedValues.map((v) => v.value),
        removed: removed.name,
        left: (await viz.workbook.getCustomViewsAsync()).length,
        active: viz.workbook.activeCustomView ?? null,
      };
    })()`);
    expect(region).toEqual({ values: ["East"], removed: "East, 2024", left: 0, active: null });
    expect((await events(next)).at(-1)).toMatchObject({ type: "customviewremoved", name: "East, 2024" });
  }, 60_000);
});
