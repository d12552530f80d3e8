import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "./cli-args";

describe("emulator flags", () => {
  it("reads --fault-seed as a whole number", () => {
    expect(parseCliArgs(["--fault-seed", "42", "--quiet"])).toEqual({ "fault-seed": 42, quiet: true });
  });

  it.each([["-1"], ["4294967296"], ["seven"], ["1.5"]])("refuses --fault-seed %s", (value) => {
    expect(() => parseCliArgs(["--fault-seed", value])).toThrow(UsageError);
  });
});
