import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it.each(["/", "/views/Superstore/Overview?Region=East", "/admin/workbooks?page=2#top"])(
    "keeps %s",
    (path) => {
      expect(safeCallbackPath(path)).toBe(path);
    },
  );

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/\tevil",
    "/login?callbackUrl=/x",
    "/api/tableau/token",
    "/" + "a".repeat(3000),
    undefined,
    ["/a"],
  ])("replaces %j with /", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
