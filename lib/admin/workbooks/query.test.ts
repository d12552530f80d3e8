import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUERY,
  parseSearchParams,
  workbookQuerySchema,
  workbooksHref,
} from "@/lib/admin/workbooks/query";

describe("admin workbook URL state", () => {
  it("reads every parameter", () => {
    expect(
      parseSearchParams({
        q: " sales ",
        project: "Finance",
        sort: "updatedAt:desc",
        pageSize: "50",
        page: "3",
      }),
    ).toEqual({ q: "sales", project: "Finance", sort: "updatedAt", dir: "desc", pageSize: 50, page: 3 });
  });

  it("falls back per field on bad values and keeps the good ones", () => {
    expect(
      parseSearchParams({
        q: "x",
        sort: "password:sideways",
        pageSize: "7",
        page: "-2",
        project: ["A", "B"],
      }),
    ).toEqual({ ...DEFAULT_QUERY, q: "x", project: "A" });
    expect(parseSearchParams({ page: "1e9", pageSize: "100abc" })).toEqual(DEFAULT_QUERY);
    expect(parseSearchParams({ sort: "size" })).toEqual({ ...DEFAULT_QUERY, sort: "size" });
  });

  it("round-trips through the URL", () => {
    const query = {
      q: "a&b",
      project: "Sales, EMEA",
      sort: "size",
      dir: "desc",
      pageSize: 100,
      page: 4,
    } as const;
    const href = workbooksHref(query);
    expect(href).toBe("/admin/workbooks?q=a%26b&project=Sales%2C+EMEA&sort=size%3Adesc&pageSize=100&page=4");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseSearchParams(params)).toEqual(query);
  });

  it("the action's schema refuses what the URL parser forgives", () => {
    expect(workbookQuerySchema.safeParse({ pageSize: 7 }).success).toBe(false);
    expect(workbookQuerySchema.safeParse({ sort: "secret" }).success).toBe(false);
    expect(workbookQuerySchema.safeParse({ page: 0 }).success).toBe(false);
    expect(workbookQuerySchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
    expect(workbookQuerySchema.parse({})).toEqual(DEFAULT_QUERY);
  });
});
