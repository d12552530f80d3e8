import { describe, expect, it } from "vitest";
import { DEFAULT_QUERY, type WorkbookQuery } from "@/lib/admin/workbooks/query";
import { describeListChange, listChange, type ShownList } from "./workbooks-announcement";

const q = (change: Partial<WorkbookQuery> = {}): WorkbookQuery => ({ ...DEFAULT_QUERY, ...change });
const rows = (
  query: WorkbookQuery,
  first: number,
  last: number,
  total: number,
  pageCount: number,
): ShownList => ({
  query,
  outcome: "rows",
  first,
  last,
  total,
  pageCount,
});

describe("listChange", () => {
  it("names what the visitor did, a sort before anything else", () => {
    expect(listChange(q(), q({ sort: "size", dir: "desc" }))).toBe("sort");
    expect(listChange(q(), q({ dir: "desc", page: 1 }))).toBe("sort");
    expect(listChange(q(), q({ page: 2 }))).toBe("page");
    expect(listChange(q({ page: 3 }), q({ project: "Sales", page: 1 }))).toBe("filters");
    expect(listChange(q(), q({ pageSize: 50 }))).toBe("filters");
    expect(listChange(q(), q())).toBe("none");
  });
});

describe("describeListChange", () => {
  it("leads with the new order after a sort", () => {
    const after = q({ sort: "updatedAt", dir: "desc" });
    expect(describeListChange("sort", rows(after, 1, 25, 1300, 52))).toBe(
      "Sorted by Last updated, descending. Page 1 of 52: workbooks 1–25 of 1,300.",
    );
  });

  it("leads with the page after a page change, and names the filters", () => {
    const after = q({ page: 2, q: "sales", project: "Finance" });
    expect(describeListChange("page", rows(after, 26, 30, 30, 2))).toBe(
      "Page 2 of 2: workbooks 26–30 of 30 with “sales” in the name in project “Finance”, sorted by Name, ascending.",
    );
  });

  it("says the empty state's own words, and nothing for an error (the page shows an alert) or no change", () => {
    const empty: ShownList = {
      query: q({ q: "zz" }),
      outcome: "empty",
      text: "No workbook has a name containing “zz”.",
    };
    expect(describeListChange("filters", empty)).toBe("No workbook has a name containing “zz”.");
    expect(describeListChange("page", { query: q(), outcome: "error" })).toBeNull();
    expect(describeListChange("none", rows(q(), 1, 25, 130, 6))).toBeNull();
  });
});
