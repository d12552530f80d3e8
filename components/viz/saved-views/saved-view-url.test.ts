import { describe, expect, it } from "vitest";
import { validateViewName } from "./save-view-form";
import { savedViewUrl } from "./saved-view-url";

const ID = "0b6d3c1e-8f43-4a43-9e0c-5c1f8e2f6a10";

describe("the page address for a saved view", () => {
  it("names the shown saved view with ?cv= and drops the deep-link filters", () => {
    const cv = { url: `https://tab.example/t/s/views/Superstore/Overview/${ID}/East2024` };
    expect(savedViewUrl("https://portal.example/views/Superstore/Overview?Region=East", cv)).toBe(
      `https://portal.example/views/Superstore/Overview?cv=${ID}`,
    );
  });

  it("is the plain view for the original view, or a custom view URL of another form", () => {
    const page = "https://portal.example/views/Superstore/Overview?cv=old&Region=East";
    expect(savedViewUrl(page, undefined)).toBe("https://portal.example/views/Superstore/Overview");
    expect(savedViewUrl(page, { url: "https://tab.example/elsewhere" })).toBe(
      "https://portal.example/views/Superstore/Overview",
    );
  });
});

describe("a saved view's name", () => {
  it("must be 1 to 200 characters once trimmed", () => {
    expect(validateViewName("  ")).toBe("Give the view a name.");
    expect(validateViewName("x".repeat(201))).toMatch(/200 characters or fewer/);
    expect(validateViewName(" East, 2024 ")).toBeNull();
  });
});
