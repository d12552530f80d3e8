import { describe, expect, it } from "vitest";
import { aggregate } from "./aggregate";
import { normaliseFilters, securityFilters } from "./fields";
import { fixtureOrders } from "./test-fixture";

const orders = fixtureOrders();
const sum = (pred: (o: (typeof orders)[number]) => boolean, m: "sales" | "profit" = "sales") =>
  Math.round(orders.filter(pred).reduce((s, o) => s + o[m], 0) * 100) / 100;

describe("aggregate", () => {
  it("sums the measure per member, alphabetically, with no filter", () => {
    const agg = aggregate(orders, { type: "bar", dimension: "region", measure: "sales" }, {}, {});
    expect(agg.rows.map((r) => r.key)).toEqual(["Central", "East", "South", "West"]);
    expect(agg.rows.find((r) => r.key === "East")?.value).toBe(sum((o) => o.region === "East"));
    expect(agg.orderCount).toBe(orders.length);
  });

  it("applies filters with case-insensitive field names and values", () => {
    const filters = normaliseFilters(orders, {
      region: ["east", "WEST"],
      CATEGORY: "technology",
      Colour: ["red"],
    });
    expect(filters).toEqual({ Region: ["East", "West"], Category: ["Technology"] });
    const agg = aggregate(orders, { type: "bar", dimension: "region", measure: "sales" }, filters, {});
    expect(agg.rows.map((r) => r.key)).toEqual(["East", "West"]);
    expect(agg.total).toBe(
      sum((o) => (o.region === "East" || o.region === "West") && o.category === "Technology"),
    );
  });

  it("limits rows to the Region claim (string or array); no claim means all rows", () => {
    const chart = { type: "bar", dimension: "category", measure: "profit" } as const;
    const east = aggregate(orders, chart, {}, securityFilters(orders, { Region: "East" }));
    expect(east.total).toBe(sum((o) => o.region === "East", "profit"));
    const two = aggregate(
      orders,
      { ...chart, dimension: "region" },
      {},
      securityFilters(orders, { Region: ["East", "South"] }),
    );
    expect(two.rows.map((r) => r.key)).toEqual(["East", "South"]);
    expect(aggregate(orders, chart, {}, securityFilters(orders, {})).orderCount).toBe(orders.length);
  });

  it("cannot widen row-level security with a filter, and an empty claim shows nothing", () => {
    const chart = { type: "bar", dimension: "region", measure: "sales" } as const;
    const agg = aggregate(
      orders,
      chart,
      normaliseFilters(orders, { Region: ["West"] }),
      securityFilters(orders, { Region: "East" }),
    );
    expect(agg.rows).toEqual([]);
    expect(aggregate(orders, chart, {}, securityFilters(orders, { Region: [] })).rows).toEqual([]);
  });
});
