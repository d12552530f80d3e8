import { describe, expect, it } from "vitest";
import { TableauFilterError } from "../errors";
import { buildFilter, buildSort, VIEW_FIELDS } from "./filter";

function filterError(fn: () => unknown): TableauFilterError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TableauFilterError) return err;
    throw err;
  }
  throw new Error("expected a TableauFilterError");
}

describe("buildFilter", () => {
  it("joins conditions with commas and lists with brackets", () => {
    expect(
      buildFilter([
        { field: "name", op: "eq", value: "Foo" },
        { field: "projectName", op: "in", value: ["A", "B"] },
      ]),
    ).toBe("name:eq:Foo,projectName:in:[A,B]");
  });

  it("returns undefined for no conditions", () => {
    expect(buildFilter([])).toBeUndefined();
  });

  it("keeps colons in values (dates) and formats numbers and booleans", () => {
    expect(
      buildFilter([
        { field: "updatedAt", op: "gte", value: "2025-01-01T00:00:00Z" },
        { field: "size", op: "lt", value: 10 },
        { field: "hasExtracts", op: "eq", value: false },
      ]),
    ).toBe("updatedAt:gte:2025-01-01T00:00:00Z,size:lt:10,hasExtracts:eq:false");
  });

  it.each([",", "&"])("refuses a value containing %s", (ch) => {
    const err = filterError(() => buildFilter([{ field: "name", op: "eq", value: `Sales${ch}Ops` }]));
    expect(err.code).toBe("filter_bad_value");
    expect(err.field).toBe("name");
    expect(err.message).toContain(`"${ch}"`);
  });

  it.each(["[", "]", ",", "&"])("refuses %s inside an in-list item", (ch) => {
    const err = filterError(() => buildFilter([{ field: "projectName", op: "in", value: ["A", `B${ch}C`] }]));
    expect(err.code).toBe("filter_bad_value");
  });

  it("refuses an empty in-list and an empty value", () => {
    expect(filterError(() => buildFilter([{ field: "name", op: "in", value: [] }])).code).toBe(
      "filter_bad_value",
    );
    expect(filterError(() => buildFilter([{ field: "name", op: "eq", value: "" }])).code).toBe(
      "filter_bad_value",
    );
  });

  it("refuses an operator the field does not take, naming the ones it does", () => {
    const err = filterError(() => buildFilter([{ field: "name", op: "gt", value: "M" }]));
    expect(err.code).toBe("filter_bad_operator");
    expect(err.message).toContain("eq or in");
    expect(filterError(() => buildFilter([{ field: "hasAlerts", op: "in", value: ["true"] }])).code).toBe(
      "filter_bad_operator",
    );
  });

  it("refuses unknown fields, including inherited object keys", () => {
    expect(filterError(() => buildFilter([{ field: "secret", op: "eq", value: "x" }])).code).toBe(
      "filter_unknown_field",
    );
    expect(filterError(() => buildFilter([{ field: "toString", op: "eq", value: "x" }])).code).toBe(
      "filter_unknown_field",
    );
  });

  it("refuses a list for a single-value operator", () => {
    expect(filterError(() => buildFilter([{ field: "name", op: "eq", value: ["a", "b"] }])).code).toBe(
      "filter_bad_value",
    );
  });

  it("uses the field table it is given (views)", () => {
    expect(buildFilter([{ field: "workbookName", op: "in", value: ["Superstore"] }], VIEW_FIELDS)).toBe(
      "workbookName:in:[Superstore]",
    );
    expect(filterError(() => buildFilter([{ field: "workbookName", op: "eq", value: "x" }])).code).toBe(
      "filter_unknown_field",
    );
  });
});

describe("buildSort", () => {
  it("formats keys and validates fields", () => {
    expect(
      buildSort([
        { field: "updatedAt", direction: "desc" },
        { field: "name", direction: "asc" },
      ]),
    ).toBe("updatedAt:desc,name:asc");
    expect(buildSort([])).toBeUndefined();
    expect(filterError(() => buildSort([{ field: "nope", direction: "asc" }])).code).toBe(
      "filter_unknown_field",
    );
  });
});
