import { describe, expect, it } from "vitest";
import { demoParameters } from "../generate/demo-controls";
import { formatParameterValue, parameterValues, resolveParameterValue } from "./parameters";

const [topN] = demoParameters("Superstore");
const [measure] = demoParameters("RegionalPerformance");

describe("parameter values", () => {
  it("clamps a range parameter to its bounds and snaps off-step values down", () => {
    expect(resolveParameterValue(topN!, "3")).toBe(3);
    expect(resolveParameterValue(topN!, 42)).toBe(10);
    expect(resolveParameterValue(topN!, "-5")).toBe(1);
    expect(resolveParameterValue(topN!, "4.9")).toBe(4);
    const stepped = {
      ...topN!,
      dataType: "float" as const,
      allowable: { type: "range" as const, min: 1, max: 20, step: 5 },
    };
    expect(resolveParameterValue(stepped, 8)).toBe(6);
    expect(resolveParameterValue(topN!, "many")).toBeNull();
    expect(resolveParameterValue(topN!, " ")).toBeNull();
  });

  it("matches a list parameter by alias (or value), case-insensitively, and refuses other values", () => {
    expect(resolveParameterValue(measure!, "Profit")).toBe("profit");
    expect(resolveParameterValue(measure!, "sales")).toBe("sales");
    expect(resolveParameterValue(measure!, "Quantity")).toBeNull();
    expect(formatParameterValue(measure!, "profit")).toBe("Profit");
  });

  it("reads values from a view URL's query by name, keeping defaults for bad or absent ones", () => {
    const q = new URLSearchParams("top%20n=2&Measure=nope&Region=East");
    expect(parameterValues([topN!, measure!], q)).toEqual({ "Top N": 2, Measure: "sales" });
  });
});
