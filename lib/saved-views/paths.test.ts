import { describe, expect, it } from "vitest";
import { customViewUrlName, parseCustomViewUrl, savedViewPath } from "./paths";

describe("saved view paths", () => {
  it("builds the portal path with the custom view's LUID", () => {
    expect(savedViewPath("Super Store", "Over/view", "ab-12")).toBe(
      "/views/Super%20Store/Over%2Fview?cv=ab-12",
    );
  });

  it("reads workbook, sheet and LUID from a custom view URL, and nothing from other URLs", () => {
    const id = "0b6d3c1e-8f43-4a43-9e0c-5c1f8e2f6a10";
    expect(parseCustomViewUrl(`https://tab.example/t/site/views/Superstore/Overview/${id}/East2024`)).toEqual(
      {
        workbook: "Superstore",
        sheet: "Overview",
        id,
      },
    );
    expect(parseCustomViewUrl("https://tab.example/t/site/views/Superstore/Overview")).toBeNull();
    expect(parseCustomViewUrl("https://tab.example/views/a/b/<script>/x")).toBeNull();
    expect(parseCustomViewUrl("not a url")).toBeNull();
    expect(parseCustomViewUrl("https://tab.example/views/a/b/%E0%A4%A/x")).toBeNull();
  });

  it("makes Tableau's URL name", () => {
    expect(customViewUrlName("East, 2024")).toBe("East2024");
    expect(customViewUrlName("…")).toBe("view");
  });
});
